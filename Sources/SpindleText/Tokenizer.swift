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

/// Word and punctuation tokens from ICU's word boundaries, refined to the conventions of UD English
/// (EWT, GUM); other scripts get ICU's words, which for Chinese, Japanese and Thai come from its dictionaries.
///
/// - Split: punctuation and quotes from words (`“`, `''`, `)`); clitics, as UD's syntactic words:
///   `do|n't`, `Putin|'s`, `we|’ll`, `1990|'s` (with `splitClitics: false`, UD's surface tokens `don't`,
///   `Putin's`, `states'`); hyphenated compounds `well|-|known` and ranges `3|-|5`; slashes between words
///   `and|/|or`; units and words from numbers `39|K`, `$|3|M`, `5|pm`, `20|years`; lists `[|13|,|14|]`.
/// - Kept whole: numbers `1,250.75`, `.265`, `+44`; times `5:30`; dates and phone numbers `02/13/2001`,
///   `555-0142`; abbreviations and initials with their period `U.S.`, `Dr.`, `e.g.`, `K.` (not at the end
///   of a line, nor `etc.` before a capital, where the period is the sentence's); a list item's `2.` at the
///   start of a line; bound prefixes `e-mail`, `non-profit`; `b/c`, `AT&T`, `US$`; URLs, e-mail addresses,
///   file names, `#hashtags` and `@mentions`; emoticons `:-)`; runs of a mark `...`, `?!`, `--`, `’’`;
///   words cut off in speech `th-`; `’70s`.
///
/// Offsets are Unicode scalar offsets; ICU's UTF-16 boundaries are converted once, at the end.
public struct Tokenizer: DescribedAnnotator {
    public static let name = "tokenize"
    public static let summary = "ICU word boundaries refined for English news (UD-style tokens)"
    public static let layers = LayerRequirements(provides: [.tokens])

    public let options: TokenizerOptions
    private let words: ICUBreakPrototype

    public init(_ options: TokenizerOptions = TokenizerOptions()) throws(ICUError) {
        self.options = options
        self.words = try ICUBreakPrototype(.word, locale: options.locale)
    }

    public init(options: TokenizerOptions, context: AnnotatorContext) throws(AnnotatorSetupError) {
        do {
            try self.init(options)
        } catch {
            throw .option("locale", "\(error)")
        }
    }

    public func annotate(_ document: inout Document) throws {
        document[Tokens.self] = try tokens(in: document.text)
    }

    /// The tokens of a text, without a document around it.
    public func tokens(in text: String) throws(ICUError) -> [Token] {
        let utf16 = UTF16Text(text)
        let bounds = try utf16Tokens(utf16.units)
        return utf16.scalarPairs(ofAscending: bounds) { Token(start: $0, end: $1) }
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
        // Two offsets a token, and about as many tokens as ICU segments once white space is left out.
        output.reserveCapacity(boundaries.count + boundaries.count / 2)
        units.withUnsafeBufferPointer { text in
            boundaries.withUnsafeBufferPointer { ends in
                let refiner = TokenRefiner(text: text, splitClitics: options.splitClitics)
                // A chunk is a run of ICU segments between white space; its segments' ends are a slice of `ends`.
                var chunkStart = -1
                var firstSegment = 0
                var segmentStart = 0
                for index in 0..<ends.count {
                    if CharacterClass.isWhitespace(text[segmentStart]) {
                        if chunkStart >= 0, index - firstSegment == 1, Self.isPlainWord(text, chunkStart, segmentStart) {
                            // Most chunks are one ICU segment of ASCII letters: nothing for the refiner to do.
                            output.append(Int32(chunkStart))
                            output.append(Int32(segmentStart))
                            chunkStart = -1
                        } else if chunkStart >= 0 {
                            refiner.emitChunk(chunkStart, segmentStart, segmentEnds: UnsafeBufferPointer(rebasing: ends[firstSegment..<index]),
                                              into: &output)
                            chunkStart = -1
                        }
                        // ICU joins combining marks and format characters to the white space before them;
                        // they still need a token.
                        var mark = segmentStart + 1
                        while mark < Int(ends[index]), CharacterClass.isWhitespace(text[mark]) { mark += 1 }
                        if mark < Int(ends[index]) {
                            chunkStart = mark
                            firstSegment = index
                        }
                    } else if chunkStart < 0 {
                        chunkStart = segmentStart
                        firstSegment = index
                    }
                    segmentStart = Int(ends[index])
                }
                if chunkStart >= 0 {
                    refiner.emitChunk(chunkStart, segmentStart, segmentEnds: UnsafeBufferPointer(rebasing: ends[firstSegment...]),
                                      into: &output)
                }
            }
        }
        return output
    }
}

extension Tokenizer {
    @inline(__always)
    static func isPlainWord(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where !CharacterClass.isASCIILetter(text[index]) { return false }
        return true
    }
}
