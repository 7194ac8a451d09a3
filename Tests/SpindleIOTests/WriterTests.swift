import Foundation
import SpindleCore
@testable import SpindleIO
import Testing

@Suite struct WriterTests {
    @Test func writesTheOutputContractWithExactSpanTexts() throws {
        let text = "“We won’t,” she said — 東京 😀.\n\"Tab\there\""
        var document = Document(text: text, metadata: Metadata(id: "d1", date: "2024-01-02", extra: ["n": .int(3)]))
        let scalars = Array(text.unicodeScalars)
        // Every scalar as its own token exercises every offset conversion.
        document[Tokens.self] = scalars.indices.map { Token(start: $0, end: $0 + 1) }
        document[Sentences.self] = [Sentence(Span(start: 0, end: scalars.count), tokens: 0..<scalars.count)]
        document[Entities.self] = [Entity(Span(start: 24, end: 26), label: "LOC", canonical: "Tokyo")]
        document[Quotes.self] = [Quote(Span(start: 0, end: 11), speaker: .init(Span(start: 12, end: 15)), cue: Span(start: 16, end: 20))]
        document[Timexes.self] = [Timex(Span(start: 0, end: 1), type: .date, value: "XXXX")]
        let bytes = DocumentJSONWriter().encode(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["id"] as? String == "d1")
        #expect(object["text"] as? String == text)
        #expect((object["metadata"] as? [String: Any])?["date"] as? String == "2024-01-02")
        for layer in ["tokens", "sentences", "entities", "quotes", "timexes"] {
            let spans = try #require(object[layer] as? [[String: Any]])
            for span in spans {
                let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
                #expect(span["text"] as? String == String(String.UnicodeScalarView(scalars[start..<end])))
            }
        }
        let quote = try #require((object["quotes"] as? [[String: Any]])?.first)
        #expect((quote["speaker"] as? [String: Any])?["text"] as? String == "she")
        #expect((quote["speaker"] as? [String: Any])?["canonical"] is NSNull)
        #expect((quote["cue"] as? [String: Any])?["text"] as? String == "said")
        // Key order is part of the contract's readability: id, text, metadata first.
        let head = String(decoding: bytes.prefix(20), as: UTF8.self)
        #expect(head.hasPrefix("{\"id\":\"d1\",\"text\":"))
    }

    @Test func pluginLayersAreEncodedToo() throws {
        enum Flags: Layer {
            static let name: LayerName = "flags"
            typealias Value = [String]
        }
        var document = Document(text: "x")
        document[Flags.self] = ["a/b"]
        let object = try JSONSerialization.jsonObject(with: Data(DocumentJSONWriter().encode(document))) as? [String: Any]
        #expect(object?["flags"] as? [String] == ["a/b"])
    }

    @Test func pluginSpansAreWrittenInTheContractsShape() throws {
        struct Mark: Codable, Sendable { var span: Span; var label: String }
        enum Marks: Layer {
            static let name: LayerName = "marks"
            typealias Value = [Mark]
        }
        var document = Document(text: "Ça 東京 ok")
        document[Marks.self] = [Mark(span: Span(start: 3, end: 5), label: "LOC")]
        let object = try JSONSerialization.jsonObject(with: Data(DocumentJSONWriter().encode(document))) as? [String: Any]
        let mark = try #require((object?["marks"] as? [[String: Any]])?.first)
        #expect(mark["start"] as? Int == 3 && mark["end"] as? Int == 5)
        #expect(mark["text"] as? String == "東京")
        #expect(mark["label"] as? String == "LOC")
        #expect(mark["span"] == nil)
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.json").path
        try AtomicFile.write(Array("one".utf8), to: path)
        try AtomicFile.write(Array("two".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    /// Issue 19.1: `-value` overflowed for Int.min and crashed the whole batch.
    @Test func extremeIntegersInMetadataAreWrittenNotACrash() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("extremes.jsonl")
        try #"{"id": "x", "text": "Hi.", "low": -9223372036854775808, "high": 9223372036854775807, "zero": 0, "minus": -7}"#
            .write(to: path, atomically: true, encoding: .utf8)
        var documents: [Document] = []
        try InputReader(inputs: [path.path]).forEach { item in
            if case .document(let document, _, _) = item { documents.append(document) }
        }
        let document = try #require(documents.first)
        #expect(document.metadata.extra["low"] == .int(Int.min))
        let json = String(decoding: DocumentJSONWriter().encode(document), as: UTF8.self)
        #expect(json.contains(#""low":-9223372036854775808"#))
        #expect(json.contains(#""high":9223372036854775807"#))
        #expect(json.contains(#""zero":0"#) && json.contains(#""minus":-7"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["metadata"] as? [String: Any])?["low"] as? Int == Int.min)
    }
}
