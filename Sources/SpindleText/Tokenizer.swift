import SpindleCore

/// Options of the `tokenize` annotator.
public struct TokenizerOptions: AnnotatorOptions, Equatable {
    /// ICU locale for word boundaries.
    public var locale = "en"
    /// Split English clitics as UD and the Penn Treebank do: `do|n't`, `Putin|'s`, `we|'ll`.
    public var splitClitics = true

    public init() {}

    public static let help = [
        "locale": "ICU locale for word boundaries (default en)",
        "splitClitics": "split English clitics: do|n't, Putin|'s (default true); false keeps UD surface tokens",
    ]
}

/// Word and punctuation tokens from ICU's word boundaries, refined for English news the way UD English
/// tokenizes: punctuation apart, clitics split, and abbreviations, initials, decimals, times, URLs,
/// e-mail addresses, hashtags and @-mentions kept whole.
///
/// Offsets are Unicode scalar offsets; ICU's UTF-16 boundaries are converted once, at the end.
public struct Tokenizer: Annotator {
    public let options: TokenizerOptions
    private let words: ICUBreakPrototype

    public var requires: Set<LayerName> { [] }
    public var provides: Set<LayerName> { [.tokens] }

    public init(_ options: TokenizerOptions = TokenizerOptions()) throws(ICUError) {
        self.options = options
        self.words = try ICUBreakPrototype(.word, locale: options.locale)
    }

    public func annotate(_ document: inout Document) throws {
        document[Tokens.self] = try tokens(in: document.text)
    }

    /// The tokens of a text, without a document around it.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        let utf16 = UTF16Text(text)
        let bounds = try utf16Tokens(utf16.units)
        let scalars = utf16.scalarOffsets(ofAscending: bounds)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 2)
        var index = 0
        while index < scalars.count {
            tokens.append(Token(start: scalars[index], end: scalars[index + 1]))
            index += 2
        }
        return tokens
    }

    /// Token boundaries as pairs of UTF-16 offsets: start0, end0, start1, end1, ...
    func utf16Tokens(_ units: [UInt16]) throws(ICUError) -> [Int32] {
        var boundaries: [Int32] = []
        var statuses: [Int32] = []
        boundaries.reserveCapacity(units.count / 3)
        try units.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try words.boundaries(of: buffer, into: &boundaries, statuses: &statuses, wantStatuses: false)
        }
        var output: [Int32] = []
        output.reserveCapacity(boundaries.count)
        units.withUnsafeBufferPointer { text in
            var refiner = TokenRefiner(text: text, splitClitics: options.splitClitics)
            var chunkStart = -1
            var segmentStart = 0
            var chunkSegments: [Int32] = []
            for boundary in boundaries {
                let end = Int(boundary)
                let isSpace = CharacterClass.isWhitespace(text[segmentStart])
                if isSpace {
                    if chunkStart >= 0 {
                        refiner.emitChunk(chunkStart, segmentStart, segments: chunkSegments, into: &output)
                        chunkSegments.removeAll(keepingCapacity: true)
                        chunkStart = -1
                    }
                } else {
                    if chunkStart < 0 { chunkStart = segmentStart }
                    chunkSegments.append(Int32(segmentStart))
                }
                segmentStart = end
            }
            if chunkStart >= 0 {
                refiner.emitChunk(chunkStart, segmentStart, segments: chunkSegments, into: &output)
            }
        }
        return output
    }
}

extension Tokenizer {
    /// The registry entry for `tokenize`.
    public static let descriptor = AnnotatorDescriptor(
        name: "tokenize",
        summary: "ICU word boundaries refined for English news (UD-style tokens)",
        provides: [.tokens],
        options: TokenizerOptions.self,
        origin: .builtIn(module: "SpindleText")
    ) { options, _ in try Tokenizer(options) }
}
