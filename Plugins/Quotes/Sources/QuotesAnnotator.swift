import Foundation
import SpindleCore

/// The `quotes` annotator's options.
public struct QuotesOptions: AnnotatorOptions, Equatable {
    /// Find speakers and cues; off, only the quote spans are given.
    public var attribution = true
    /// Also give scare quotes and quoted titles, with `"kind": "term"` (left out by default).
    public var terms = false
    /// Speech verbs beyond the built-in list, in their base form ("rebut"): their -s, -ed and -ing forms count too.
    public var speechVerbs: [String] = []
    /// First names with the sex the census gives them, for "he" and "she".
    public var names = "models/quotes/given-name-genders.tsv"

    public init() {}

    public static let help = [
        "attribution": "find each quote's speaker and speech cue (default true)",
        "terms": "also output scare quotes and quoted titles with kind \"term\" (default false)",
        "speechVerbs": "extra speech verbs in their base form, e.g. [rebut, opine]",
        "names": "given-name gender list used for he/she (default models/quotes/given-name-genders.tsv)",
    ]
}

/// Finds direct quotes and who said them. Reads the `entities` layer when the pipeline has one, for
/// speakers and their canonical names; without it, capitalized names stand in and quotes are still found.
public struct QuoteAnnotator: DescribedAnnotator {
    public static let name = "quotes"
    public static let summary = "direct quotes with their speaker (canonical name) and speech cue"
    public static let layers = LayerRequirements(requires: [.tokens, .sentences], uses: [.entities], provides: [.quotes])

    public let options: QuotesOptions
    private let verbs: SpeechVerbs
    private let names: GivenNames

    init(options: QuotesOptions, names: GivenNames) {
        self.options = options
        self.verbs = SpeechVerbs(extra: options.speechVerbs)
        self.names = names
    }

    public init(options: QuotesOptions = QuotesOptions(), context: AnnotatorContext = AnnotatorContext(annotatorName: "quotes")) throws(AnnotatorSetupError) {
        let path = try context.resources.path(of: options.names, option: "names", restore: "restore it from the repository or "
            + "remake it with `python3 scripts/derive_quote_lexicons.py models/quotes`, or point `names` at another file")
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .option("names", "the given-name list `\(path)` could not be read as UTF-8 text")
        }
        self.init(options: options, names: GivenNames(contents: contents))
    }

    public func annotate(_ document: inout Document) throws {
        let view = document.textView
        let decoded = DecodedText(view)
        let paragraphs = Paragraphs.ranges(in: decoded.scalars)
        let spans = QuoteScanner.quotes(in: decoded.scalars, paragraphs: paragraphs)
        guard options.attribution, !spans.isEmpty else {
            document[Quotes.self] = spans.map { Quote($0, kind: .quote) }
            return
        }
        let text = QuoteText(decoded, paragraphs: paragraphs, tokens: document.tokens, tokenBytes: view.tokenBytes,
                             sentences: document.sentences, quotes: spans)
        let mentions = Mentions(text: text, entities: document[Entities.self], names: names)
        var quotes = Attribution(text: text, scalars: decoded.scalars, mentions: mentions, verbs: verbs).attribute(spans)
        if !options.terms { quotes.removeAll { $0.kind == .term } }
        document[Quotes.self] = quotes
    }
}

public let spindlePlugin = PluginManifest(name: "Quotes", annotators: [QuoteAnnotator.self])
