import SpindleCore
import SpindleTestKit
import SpindleText
import Testing

@Suite struct TextConformanceTests {
    @Test func tokenizerKeepsTheAnnotatorContract() throws {
        try checkAnnotatorConformance(try Tokenizer())
    }

    @Test func sentenceSplitterKeepsTheAnnotatorContract() throws {
        let tokenizer = try Tokenizer()
        try checkAnnotatorConformance(try SentenceSplitter()) { text in
            var document = Document(text: text)
            try tokenizer.annotate(&document)
            return document
        }
    }
}
