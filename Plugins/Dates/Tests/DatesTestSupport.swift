import Spindle
import SpindleDates

/// Tokens, sentences and dates over one text, with the document date given.
func timexes(_ text: String, date: String? = "2022-04-12", options: DatesOptions = DatesOptions()) throws -> [(String, String, String)] {
    let pipeline = try Pipeline(Tokenizer(), SentenceSplitter(), DateAnnotator(options))
    var document = Document(text: text, metadata: Metadata(id: "test", date: date))
    try pipeline.annotate(&document)
    let index = ScalarIndex(document.text)
    return document.timexes.map { (String(index.substring($0.span)), $0.type.rawValue, $0.value + ($0.mod.map { " " + $0 } ?? "")) }
}

/// The first timex's value, for one-expression sentences.
func value(_ text: String, date: String? = "2022-04-12", options: DatesOptions = DatesOptions()) throws -> String? {
    try timexes(text, date: date, options: options).first?.2
}
