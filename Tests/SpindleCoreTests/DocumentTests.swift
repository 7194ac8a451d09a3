import SpindleCore
import Testing

@Suite struct DocumentTests {
    @Test func layersAreTypedAndKeepTheirOrder() {
        var document = Document(id: "a", text: "One two.")
        document[Tokens.self] = [Token(start: 0, end: 3), Token(start: 4, end: 7), Token(start: 7, end: 8)]
        document[Sentences.self] = [Sentence(Span(start: 0, end: 8), tokens: 0..<3)]
        #expect(document.tokens.count == 3)
        #expect(document.has(.sentences))
        #expect(document.layers.names == [.tokens, .sentences])
        document[Tokens.self] = nil
        #expect(!document.has(.tokens))
        #expect(document.layers.names == [.sentences])
    }

    @Test func documentIsAValue() {
        var first = Document(text: "Hello.")
        let copy = first
        first[Tokens.self] = [Token(start: 0, end: 5)]
        #expect(copy.tokens.isEmpty)
        #expect(first.tokens.count == 1)
    }

    @Test func pluginLayersAreStoredUnderTheirOwnName() {
        enum Shouts: Layer {
            static let name: LayerName = "shouts"
            typealias Value = [String]
        }
        var document = Document(text: "HEY you")
        document[Shouts.self] = ["HEY"]
        #expect(document[Shouts.self] == ["HEY"])
        #expect(document.has("shouts"))
    }

    @Test(arguments: [
        ("“Quoted” — dash", Span(start: 0, end: 8), "“Quoted”"),
        ("emoji 👍🏽 here", Span(start: 6, end: 8), "👍🏽"),
        ("東京は晴れ", Span(start: 3, end: 5), "晴れ"),
        ("e\u{301}t\u{e9}", Span(start: 1, end: 3), "\u{301}t"),
        ("line\r\nnext", Span(start: 6, end: 10), "next"),
    ])
    func spansCountUnicodeScalars(text: String, span: Span, expected: String) {
        #expect(String(Document(text: text).text(of: span)) == expected)
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.start..<span.end])) == expected)
    }

    @Test func scalarIndexFindsEveryOffsetInLongMixedText() {
        let text = String(repeating: "aé東😀\r\n", count: 100)
        let scalars = Array(text.unicodeScalars)
        let index = ScalarIndex(text)
        #expect(index.scalarCount == scalars.count)
        for start in stride(from: 0, to: scalars.count, by: 7) {
            let end = min(start + 5, scalars.count)
            let expected = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(String(index.substring(Span(start: start, end: end))) == expected)
        }
    }

    @Test func metadataFieldsHoldNamedAndExtraKeys() {
        let metadata = Metadata(id: "x", date: "2024-03-01", source: "wire", extra: ["section": .string("world")])
        #expect(metadata.fields == ["date": .string("2024-03-01"), "source": .string("wire"), "section": .string("world")])
    }
}

@Suite struct JSONValueTests {
    @Test func overlayReplacesScalarsAndMergesMappings() {
        let defaults: JSONValue = .object(["model": .string("a.model"), "limits": .object(["max": .int(3), "min": .int(1)])])
        let file: JSONValue = .object(["limits": .object(["max": .int(9)])])
        #expect(defaults.overlaid(with: file) == .object(["model": .string("a.model"), "limits": .object(["max": .int(9), "min": .int(1)])]))
    }

    @Test func pathLookupFollowsKeysAndIndices() {
        let value: JSONValue = .object(["words": .array([.string("a"), .string("b")])])
        #expect(value[path: ["words", "1"]] == .string("b"))
        #expect(value[path: ["words", "5"]] == nil)
    }

    @Test func suggestionsFindLikelyTypos() {
        #expect(nearestName(to: "tokenise", in: ["tokenize", "sentences"]) == "tokenize")
        #expect(nearestName(to: "sentense", in: ["tokenize", "sentences"]) == "sentences")
        #expect(nearestName(to: "zzz", in: ["tokenize", "sentences"]) == nil)
    }
}
