import Spindle
import SpindleKeywords
import SpindleTestKit
import Testing

@Suite struct KeywordsTests {
    @Test func findsConfiguredWordsWhateverTheirCase() throws {
        var options = KeywordOptions()
        options.words = ["bridge", "Council"]
        let pipeline = try Pipeline(Tokenizer(), KeywordTagger(options))
        let document = try pipeline.annotate("The COUNCIL approved the bridge; bridges are dear.")
        #expect(document[KeywordsLayer.self]?.map(\.keyword) == ["council", "bridge"])
    }

    @Test func keepsTheAnnotatorContract() throws {
        var options = KeywordOptions()
        options.words = ["we", "done"]
        let tokenizer = try Tokenizer()
        try checkAnnotatorConformance(KeywordTagger(options)) { text in
            var document = Document(text: text)
            try tokenizer.annotate(&document)
            return document
        }
    }

    @Test func isRegisteredWithoutACentralList() throws {
        #expect(Spindle.plugins.contains { $0.name == "Keywords" })
        #expect(try Spindle.registry()["keywords"] != nil)
    }
}
