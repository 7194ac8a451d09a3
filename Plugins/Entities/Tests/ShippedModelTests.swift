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
}
