import Foundation
import SpindleCore
@testable import SpindleIO
import Testing

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct TextDecodingTests {
    @Test func dropsAByteOrderMarkAndKeepsCRLF() {
        let (text, warnings) = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("One.\r\nTwo.".utf8), source: "f.txt")
        #expect(text == "One.\r\nTwo.")
        #expect(text.unicodeScalars.count == 10)
        #expect(warnings.isEmpty)
    }

    @Test func replacesInvalidUTF8AndSaysWhere() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" ok ".utf8) + [0xFF, 0xC3]
        let (text, warnings) = TextDecoding.decode(bytes, source: "bad.txt")
        #expect(text == "Caf\u{FFFD} ok \u{FFFD}\u{FFFD}")
        #expect(warnings.map(\.description) == ["bad.txt: warning: invalid UTF-8 at byte offset 3 (3 invalid sequences replaced by U+FFFD)"])
    }

    @Test func offsetCountsTheByteOrderMark() {
        let (_, warnings) = TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41, 0x80], source: "b.txt")
        #expect(warnings.first?.message.contains("byte offset 4") == true)
    }

    @Test func validMultibyteTextIsUntouched() {
        let sample = "“Quotes” — 東京 😀"
        #expect(TextDecoding.decode(Array(sample.utf8), source: "x").text == sample)
        #expect(TextDecoding.invalidSequences(Array(sample.utf8)).count == 0)
    }
}

@Suite struct InputReaderTests {
    func items(_ reader: InputReader) throws -> [InputItem] {
        var items: [InputItem] = []
        try reader.forEach { items.append($0) }
        return items
    }

    @Test func textFilesAreDocumentsNamedAfterTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Hello there.".write(to: folder.appendingPathComponent("b-story.txt"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("a-empty.txt"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 0]).write(to: folder.appendingPathComponent("c-binary.txt"))
        let read = try items(InputReader(inputs: [folder.path]))
        #expect(read.count == 3)
        guard case .document(let empty, let warnings, _) = read[0], case .document(let story, _, _) = read[1],
              case .failure(let binary) = read[2] else {
            Issue.record("unexpected items \(read)")
            return
        }
        #expect(empty.id == "a-empty" && empty.text.isEmpty)
        #expect(warnings.first?.message.contains("empty file") == true)
        #expect(story.id == "b-story" && story.text == "Hello there.")
        #expect(binary.reason.contains("binary"))
    }

    @Test func jsonlLinesCarryMetadataAndBadLinesAreReportedByNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = """
        {"id": "n1", "text": "First story.", "date": "2024-05-02", "source": "wire", "section": "world"}
        {"id": "n2", "text": unquoted}

        {"id": 7, "text": "Numeric id."}
        {"id": "n4"}
        {"text": "No id."}
        """
        let path = folder.appendingPathComponent("batch.jsonl")
        try lines.write(to: path, atomically: true, encoding: .utf8)
        let read = try items(InputReader(inputs: [path.path]))
        #expect(read.count == 5)
        guard case .document(let first, _, _) = read[0] else { Issue.record("\(read[0])"); return }
        #expect(first.id == "n1")
        #expect(first.metadata.date == "2024-05-02")
        #expect(first.metadata.source == "wire")
        #expect(first.metadata.extra == ["section": .string("world")])
        guard case .failure(let malformed) = read[1] else { Issue.record("\(read[1])"); return }
        #expect(malformed.source == path.path + ":2")
        #expect(malformed.reason.contains("malformed JSON"))
        guard case .document(let numeric, _, _) = read[2] else { Issue.record("\(read[2])"); return }
        #expect(numeric.id == "7")
        guard case .failure(let missing) = read[3] else { Issue.record("\(read[3])"); return }
        #expect(missing.id == "n4" && missing.reason.contains("text"))
        guard case .document(let unnamed, _, _) = read[4] else { Issue.record("\(read[4])"); return }
        #expect(unnamed.id == "batch-6")
    }

    @Test func aDocumentOverTheLimitIsRefusedNotRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try String(repeating: "word ", count: 100).write(to: folder.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
        let read = try items(InputReader(inputs: [folder.path], maxBytes: 100))
        guard case .failure(let failure) = read.first else { Issue.record("\(read)"); return }
        #expect(failure.reason.contains("over the limit"))
    }

    @Test func missingInputStopsBeforeAnythingRuns() {
        #expect(throws: InputError.notFound("/no/such/input.txt")) { try InputReader(inputs: ["/no/such/input.txt"]).files() }
    }
}
