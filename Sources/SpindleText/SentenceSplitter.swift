import SpindleCore

/// Options of the `sentences` annotator.
public struct SentenceSplitterOptions: AnnotatorOptions, Equatable {
    /// ICU locale; `@ss=standard` turns on ICU's abbreviation suppression ("Mr. Smith" stays together).
    public var locale = "en@ss=standard"

    public init() {}

    public static let help = [
        "locale": "ICU locale for sentence boundaries (default en@ss=standard)",
    ]
}

/// Sentences from ICU's sentence boundaries plus the rules ICU lacks for news; every sentence starts and
/// ends on a token boundary and knows its token range.
public struct SentenceSplitter: Annotator {
    public let options: SentenceSplitterOptions
    private let sentences: ICUBreakPrototype

    public var requires: Set<LayerName> { [.tokens] }
    public var provides: Set<LayerName> { [.sentences] }

    public init(_ options: SentenceSplitterOptions = SentenceSplitterOptions()) throws(ICUError) {
        self.options = options
        self.sentences = try ICUBreakPrototype(.sentence, locale: options.locale)
    }

    public func annotate(_ document: inout Document) throws {
        document[Sentences.self] = try split(document.text, tokens: document.tokens)
    }

    /// The sentences of `text`, given its tokens.
    public func split(_ text: String, tokens: [Token]) throws(ICUError) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let utf16 = UTF16Text(text)
        var boundaries: [Int32] = []
        var unused: [Int32] = []
        try utf16.units.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try sentences.boundaries(of: buffer, into: &boundaries, statuses: &unused, wantStatuses: false)
        }
        let ends = utf16.scalarOffsets(ofAscending: boundaries)
        // Group tokens by the ICU segment their start falls in: this trims white space and moves any
        // boundary that falls inside a token to the token's end.
        var result: [Sentence] = []
        var segment = 0
        var first = 0
        for (index, token) in tokens.enumerated() {
            var moved = false
            while segment < ends.count, ends[segment] <= token.span.start {
                segment += 1
                moved = true
            }
            if moved, index > first {
                result.append(Sentence(Span(start: tokens[first].span.start, end: tokens[index - 1].span.end), tokens: first..<index))
                first = index
            }
        }
        result.append(Sentence(Span(start: tokens[first].span.start, end: tokens[tokens.count - 1].span.end),
                               tokens: first..<tokens.count))
        return result
    }
}

extension SentenceSplitter {
    /// The registry entry for `sentences`.
    public static let descriptor = AnnotatorDescriptor(
        name: "sentences",
        summary: "ICU sentence boundaries with abbreviation suppression and news rules",
        requires: [.tokens],
        provides: [.sentences],
        options: SentenceSplitterOptions.self,
        origin: .builtIn(module: "SpindleText")
    ) { options, _ in try SentenceSplitter(options) }
}

/// The annotators of this module, for a registry.
public let textAnnotators: [AnnotatorDescriptor] = [Tokenizer.descriptor, SentenceSplitter.descriptor]
