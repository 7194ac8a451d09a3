import Foundation
import SpindleCore

/// Finds English temporal expressions and normalizes them to TIMEX3 values (the `timexes` layer).
///
/// Relative expressions ("last week", "on Friday", "in December") are resolved against an anchor:
/// the document's date, else a dateline at the top of the text, else left underspecified
/// (`XXXX-WXX-5`, `XXXX-12`). Expressions without a year or week take their direction from the tense
/// of their sentence (see `Direction`).
public struct DateAnnotator: DescribedAnnotator {
    public static let name = "dates"
    public static let summary = "temporal expressions normalized to TIMEX3 values against the document date"
    public static let layers = LayerRequirements(requires: [.tokens, .sentences], provides: [.timexes])

    public let options: DatesOptions
    private let reference: ReferenceSource
    private let types: Set<Timex.Kind>
    private let undetermined: Direction

    /// How far into the text a dateline may be, in tokens ("WASHINGTON, April 12, 2022 (Reuters) —").
    static let datelineTokens = 40

    public init(_ options: DatesOptions = DatesOptions()) throws(AnnotatorSetupError) {
        self.options = options
        self.reference = try ReferenceSource(options.reference)
        self.types = Set(options.types)
        switch options.undetermined {
        case .nearest: undetermined = .none
        case .future: undetermined = .future
        case .past: undetermined = .past
        }
    }

    public init(options: DatesOptions, context: AnnotatorContext) throws(AnnotatorSetupError) {
        try self.init(options)
    }

    public func annotate(_ document: inout Document) throws {
        let words = Words(document.textView, tokens: document.tokens)
        let sentences = document.sentences.map { words.wordRange($0.tokens) }
        var grammar = Grammar(words: words, anchor: anchor(for: document, words: words), sentences: sentences)
        grammar.undetermined = undetermined
        var timexes: [Timex] = []
        for found in grammar.scan() where types.contains(found.type) {
            let span = Span(start: words.spans[found.range.lowerBound].start, end: words.spans[found.range.upperBound - 1].end)
            timexes.append(Timex(span, type: found.type, value: found.value, mod: found.mod))
        }
        document[Timexes.self] = timexes
    }

    private func anchor(for document: Document, words: Words) -> Anchor? {
        switch reference {
        case .fixed(let anchor): return anchor
        case .today:
            let days = Int((Date().timeIntervalSince1970 / 86400).rounded(.down))
            return Anchor(date: CivilDate(dayNumber: days))
        case .metadata:
            if let date = document.metadata.date, let anchor = Anchor(parsing: date) { return anchor }
            return options.dateline ? dateline(in: words) : nil
        }
    }

    /// The first fully written day near the top of the text.
    private func dateline(in words: Words) -> Anchor? {
        let head = Words(prefixOf: words, count: Self.datelineTokens)
        let grammar = Grammar(words: head, anchor: nil, sentences: [])
        for found in grammar.scan() where found.isDay && !found.value.contains("X") {
            if let anchor = Anchor(parsing: found.value) { return anchor }
        }
        return nil
    }
}

extension Words {
    /// The first `count` tokens.
    init(prefixOf words: Words, count: Int) {
        self.init(keys: Array(words.keys.prefix(count)), spans: Array(words.spans.prefix(count)),
                  capitalized: Array(words.capitalized.prefix(count)))
    }
}

public let spindlePlugin = PluginManifest(name: "Dates", annotators: [DateAnnotator.self])
