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

    /// Issue 19.7: a JSONL (or standard input) line was buffered whole before `--max-bytes` was checked,
    /// so one endless line took all memory. Now it is dropped past the limit and fails alone.
    @Test func anOverLongJSONLLineIsNotBufferedAndFailsAlone() throws {
        func peakRSS() -> Int {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss * 1024
        }
        let first = Data(#"{"id": "a", "text": "Before."}"#.utf8 + [0x0A] + #"{"id": "long", "text": ""#.utf8)
        let filler = Data(repeating: 0x78, count: 1 << 20)
        let last = Data(#""}"#.utf8 + [0x0A] + #"{"id": "b", "text": "After."}"#.utf8)
        var chunks = [first] + Array(repeating: filler, count: 300) + [last]
        chunks.reverse()
        let before = peakRSS()
        var items: [InputItem] = []
        try JSONLinesReader(source: "big.jsonl", defaultID: "big", maxBytes: 4 << 20).read(next: { chunks.popLast() ?? Data() }) {
            items.append($0)
        }
        let growth = peakRSS() - before
        #expect(growth < 100 << 20, "reading a 300 MB line with a 4 MB limit grew the peak RSS by \(growth >> 20) MB")
        #expect(items.count == 3)
        guard items.count == 3, case .document(let a, _, _) = items[0], case .failure(let failure) = items[1],
              case .document(let b, _, _) = items[2] else {
            Issue.record("unexpected items \(items)")
            return
        }
        #expect(a.id == "a" && b.id == "b" && b.text == "After.")
        #expect(failure.source == "big.jsonl:2")
        #expect(failure.reason.contains("over the limit of 4194304 bytes"))
        #expect(failure.reason.contains("line of \((300 << 20) + 26) bytes"))
    }

    @Test func anOverLongLastLineWithoutANewlineFailsToo() throws {
        var chunks = [Data("{\"id\": \"a\", \"text\": \"ok\"}\n".utf8), Data(repeating: 0x78, count: 5000)].reversed() as [Data]
        var items: [InputItem] = []
        try JSONLinesReader(source: "s", defaultID: "s", maxBytes: 1000).read(next: { chunks.popLast() ?? Data() }) { items.append($0) }
        #expect(items.count == 2)
        if case .failure(let failure)? = items.last { #expect(failure.reason.contains("line of 5000 bytes")) } else { Issue.record("\(items)") }
    }

    @Test func missingInputStopsBeforeAnythingRuns() {
        #expect(throws: InputError.notFound("/no/such/input.txt")) { try InputReader(inputs: ["/no/such/input.txt"]).files() }
    }
}
