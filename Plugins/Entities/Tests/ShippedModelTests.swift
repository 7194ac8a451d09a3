import Foundation
import Spindle
import Testing
@testable import SpindleEntities

/// The committed model, when the checkout has it (it is a large file and may be left out of a
/// shallow or sparse checkout).
private let shippedModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../models/entities-en.model").standardized.path

@Suite(.enabled(if: FileManager.default.fileExists(atPath: shippedModel)))
struct ShippedModelTests {
    @Test func findsPeoplePlacesAndNationalitiesInNews() throws {
        let recognizer = EntityRecognizer(model: try ModelFile.load(path: shippedModel))
        var document = try TinyCorpus.prepare(
            "Angela Merkel visited Warsaw on Tuesday, the German government said. Merkel later met officials.")
        try recognizer.annotate(&document)
        let found = document.entities.map { "\(document.text(of: $0.span))/\($0.label)/\($0.canonical ?? "")" }
        #expect(found == ["Angela Merkel/PER/Angela Merkel", "Warsaw/LOC/Warsaw", "German/MISC/German", "Merkel/PER/Angela Merkel"])
    }

    /// Issue 19.6: the shipped model carries its checksum and is checked on every load, quickly.
    @Test func theShippedModelIsCheckedOnLoadAndADamagedCopyRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shippedModel)))
        let started = ContinuousClock.now
        _ = try ModelFile.decode(bytes, path: shippedModel)
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) * 1e-18
            + Double((ContinuousClock.now - started).components.seconds)
        print("shipped model decoded (checksum included) in \(seconds) s")
        var damaged = bytes
        let weights = bytes.count / 4  // the weight table fills most of the file's end
        for index in stride(from: weights, to: bytes.count - 8, by: 200) { damaged[index] ^= 0xFF }
        #expect(throws: EntityModelError.self) { try ModelFile.decode(damaged, path: shippedModel) }
    }
}
