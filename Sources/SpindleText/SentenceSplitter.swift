import SpindleCore

/// Options of the `sentences` annotator.
public struct SentenceSplitterOptions: AnnotatorOptions, Equatable {
    /// ICU locale. Plain `en`: the splitter's own abbreviation rules decide what `@ss=standard` (ICU's
    /// abbreviation suppression) would, with the same results on every gold set here, so the extra filter
    /// buys nothing.
    public var locale = "en"

    public init() {}

    public static let help = [
        "locale": "ICU locale for sentence boundaries (default en; en@ss=standard adds ICU abbreviation suppression)",
    ]
}

/// Sentences from ICU's sentence boundaries, corrected by the rules ICU lacks for English news
/// (`SentenceRules`): paragraph and headline lines, lists, initials and abbreviations, ellipses, quotes.
/// Every sentence starts and ends on a token boundary and knows its token range.
public struct SentenceSplitter: DescribedAnnotator {
    public static let name = "sentences"
    public static let summary = "ICU sentence boundaries with abbreviation suppression and news rules"
    public static let layers = LayerRequirements(requires: [.tokens], provides: [.sentences])

    public let options: SentenceSplitterOptions
    private let sentences: ICUBreakPrototype

    public init(_ options: SentenceSplitterOptions = SentenceSplitterOptions()) throws(ICUError) {
        self.options = options
        self.sentences = try ICUBreakPrototype(.sentence, locale: options.locale)
    }

    public init(options: SentenceSplitterOptions, context: AnnotatorContext) throws(AnnotatorSetupError) {
        do {
            try self.init(options)
        } catch {
            throw .option("locale", "\(error)")
        }
    }

    public func annotate(_ document: inout Document) throws {
        document[Sentences.self] = try split(document.text, tokens: document.tokens)
    }

    /// The sentences of `text`, given its tokens.
    public func split(_ text: String, tokens: [Token]) throws(ICUError) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let utf16 = UTF16Text(text)
        var icu: [Int32] = []
        var unused: [Int32] = []
        try utf16.units.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try sentences.boundaries(of: buffer, into: &icu, statuses: &unused, wantStatuses: false)
        }
        let (starts, ends) = utf16.offsets(of: tokens)
        var result: [Sentence] = []
        utf16.units.withUnsafeBufferPointer { buffer in
            let rules = SentenceRules(text: buffer, starts: starts, ends: ends)
            var first = 0
            var next = 0
            for index in 1..<tokens.count {
                // ICU's boundaries inside a token (a URL, `e.g.`) are never sentence ends.
                while next < icu.count, Int(icu[next]) < ends[index - 1] { next += 1 }
                let icuBreaks = next < icu.count && Int(icu[next]) <= starts[index]
                if rules.breaks(before: index, icu: icuBreaks, length: index - first) {
                    result.append(Sentence(Span(start: tokens[first].span.start, end: tokens[index - 1].span.end),
                                           tokens: first..<index))
                    first = index
                }
            }
            result.append(Sentence(Span(start: tokens[first].span.start, end: tokens[tokens.count - 1].span.end),
                                   tokens: first..<tokens.count))
        }
        return result
    }
}

extension UTF16Text {
    /// The UTF-16 offsets of each token's start and end: the way back from scalar offsets, in one pass.
    func offsets(of tokens: [Token]) -> (starts: [Int], ends: [Int]) {
        // Without surrogates (most text) the offsets are the same.
        if !hasSurrogates {
            return (tokens.map(\.span.start), tokens.map(\.span.end))
        }
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(tokens.count)
        ends.reserveCapacity(tokens.count)
        units.withUnsafeBufferPointer { units in
            var unit = 0
            var scalar = 0
            func advance(to target: Int) {
                while scalar < target, unit < units.count {
                    unit += units[unit] & 0xFC00 == 0xD800 ? 2 : 1
                    scalar += 1
                }
            }
            for token in tokens {
                advance(to: token.span.start)
                starts.append(unit)
                advance(to: token.span.end)
                ends.append(unit)
            }
        }
        return (starts, ends)
    }
}

/// The text annotators, as a plugin manifest: registered like every other plugin.
public let textPlugin = PluginManifest(name: "Text", annotators: [Tokenizer.self, SentenceSplitter.self])

@available(*, deprecated, renamed: "textPlugin.annotators")
public var textAnnotators: [AnnotatorDescriptor] { textPlugin.annotators }
