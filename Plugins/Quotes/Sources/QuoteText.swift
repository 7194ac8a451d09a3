import SpindleCore

/// The tokens of a document as the attribution rules read them: lower case, capitals, sentence,
/// paragraph, and the quote each token sits in.
struct QuoteText {
    /// Each token in lower case (punctuation as it is), made when first asked for: the rules read the
    /// tokens around quotes and names, a small part of a long article.
    let lower: LowerCaseWords
    let spans: [Span]
    let sentenceOf: [Int]
    let sentences: [Range<Int>]
    let paragraphOf: [Int]
    /// The index of the quote a token lies in, if any.
    let quoteOf: [Int?]
    /// The tokens of each quote, marks included.
    let quoteTokens: [Range<Int>]

    /// Whether each token starts with a letter, and with a capital one: asked of every token many times.
    private let startsWithLetter: [Bool]
    private let startsWithCapital: [Bool]
    /// Each token's bytes in `utf8`.
    private let ranges: [Range<Int>]

    var count: Int { spans.count }

    /// The text's UTF-8 and the byte offset of every scalar (and of the end): a token's string is one
    /// decode of a byte slice.
    private let utf8: [UInt8]
    private let byteOffsets: [Int32]

    init(_ decoded: DecodedText, paragraphs: [Range<Int>], tokens: [Token], tokenBytes: [Range<Int>], sentences: [Sentence], quotes: [Span]) {
        let (utf8, byteOffsets, scalars) = (decoded.utf8, decoded.byteOffsets, decoded.scalars)
        self.utf8 = utf8
        self.byteOffsets = byteOffsets
        // One pass over the tokens for what every rule asks of them.
        let ranges = tokenBytes
        var letters: [Bool] = [], capitals: [Bool] = []
        letters.reserveCapacity(tokens.count)
        capitals.reserveCapacity(tokens.count)
        for token in tokens {
            let first = scalars[token.span.start]
            letters.append(first.isLetter)
            capitals.append(first.isUpper)
        }
        lower = LowerCaseWords(utf8: utf8, ranges: ranges)
        self.ranges = ranges
        startsWithLetter = letters
        startsWithCapital = capitals
        spans = tokens.map(\.span)
        var sentenceOf = [Int](repeating: 0, count: tokens.count)
        for (number, sentence) in sentences.enumerated() {
            for token in sentence.tokens where token < tokens.count { sentenceOf[token] = number }
        }
        self.sentenceOf = sentenceOf
        self.sentences = sentences.map(\.tokens)
        var paragraphOf = [Int](repeating: 0, count: tokens.count)
        var paragraph = 0
        for (index, token) in tokens.enumerated() {
            while paragraph + 1 < paragraphs.count, token.span.start >= paragraphs[paragraph + 1].lowerBound { paragraph += 1 }
            paragraphOf[index] = paragraph
        }
        self.paragraphOf = paragraphOf
        var quoteOf = [Int?](repeating: nil, count: tokens.count)
        var quoteTokens: [Range<Int>] = []
        var cursor = 0
        for (number, quote) in quotes.enumerated() {
            while cursor < tokens.count, tokens[cursor].span.end <= quote.start { cursor += 1 }
            let first = cursor
            while cursor < tokens.count, tokens[cursor].span.start < quote.end {
                quoteOf[cursor] = number
                cursor += 1
            }
            quoteTokens.append(first..<cursor)
        }
        self.quoteOf = quoteOf
        self.quoteTokens = quoteTokens
    }

    func isCapitalized(_ index: Int) -> Bool { startsWithCapital[index] }

    /// Whether the text also writes the token's word in lower case ("However" at a sentence start and
    /// "however" elsewhere): then its capital is only the sentence's.
    func isWrittenInLowerCase(_ index: Int) -> Bool {
        lower.occurs(index, within: max(0, index - Self.nearby)..<min(count, index + Self.nearby), where: { !self.startsWithCapital[$0] })
    }

    /// How far, in tokens, `isWrittenInLowerCase` looks: all of a news article, a bounded part of a book.
    private static let nearby = 5_000

    /// `NEWS`, `GENEVA`: a token of three or more letters, all capitals.
    func isShouted(_ index: Int) -> Bool {
        let bytes = utf8[ranges[index]]
        return bytes.count > 2 && bytes.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    func isWord(_ index: Int) -> Bool { startsWithLetter[index] }

    func span(_ tokens: Range<Int>) -> Span { Span(start: spans[tokens.lowerBound].start, end: spans[tokens.upperBound - 1].end) }

    /// The document's text from the first to the last of `tokens`.
    func text(_ tokens: Range<Int>) -> String {
        let span = span(tokens)
        return String(decoding: utf8[Int(byteOffsets[span.start])..<Int(byteOffsets[span.end])], as: UTF8.self)
    }

    static let sentenceEnds: Set<String> = [".", "!", "?", "…"]
}

/// Character classes with an ASCII fast path: Unicode property lookups dominate the quote scanner's
/// time on English text otherwise.
extension Unicode.Scalar {
    var isLetter: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }
    var isUpper: Bool { value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase }
    var isLower: Bool { value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase }
    var isSpace: Bool { value < 0x80 ? value == 0x20 || value >= 0x09 && value <= 0x0D : properties.isWhitespace }
}

/// A document's text as UTF-8 bytes and as scalars, with the byte offset of every scalar (and of the
/// end): the scanner reads scalars, token strings are cut from the bytes. Taken from the document's
/// text view, which decodes the text once.
struct DecodedText {
    let utf8: [UInt8]
    let scalars: [Unicode.Scalar]
    let byteOffsets: [Int32]

    init(_ view: TextView) {
        utf8 = view.withUTF8 { Array($0) }
        (scalars, byteOffsets) = view.scalars
    }
}

/// Tokens in lower case, each made on first use and kept.
struct LowerCaseWords {
    private final class Cache {
        var words: [String?]
        init(count: Int) { words = Array(repeating: nil, count: count) }
    }

    private let utf8: [UInt8]
    private let ranges: [Range<Int>]
    private let cache: Cache

    init(utf8: [UInt8], ranges: [Range<Int>]) {
        self.utf8 = utf8
        self.ranges = ranges
        cache = Cache(count: ranges.count)
    }

    subscript(index: Int) -> String {
        if let word = cache.words[index] { return word }
        let bytes = utf8[ranges[index]]
        let word = String(decoding: bytes, as: UTF8.self)
        let lowered = bytes.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? word.lowercased() : word
        cache.words[index] = lowered
        return lowered
    }

    subscript(range: Range<Int>) -> [String] { range.map { self[$0] } }

    /// A hash of the token in lower case, from its bytes when they are ASCII: word lists are searched by
    /// it without making the token's string.
    func key(_ index: Int) -> UInt64 {
        let bytes = utf8[ranges[index]]
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return WordList.key(self[index]) }
        return bytes.reduce(WordList.seed) { ($0 ^ UInt64($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1)) &* WordList.prime }
    }

    /// Whether another token in `window` that `accept`s is the same word as token `index`, ignoring case:
    /// compared byte by byte for ASCII words, which most are.
    func occurs(_ index: Int, within window: Range<Int>, where accept: (Int) -> Bool) -> Bool {
        let target = ranges[index]
        guard utf8[target].allSatisfy({ $0 < 0x80 }) else {
            let word = self[index]
            return window.contains { $0 != index && ranges[$0].count == target.count && accept($0) && self[$0] == word }
        }
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        return window.contains { other in
            let range = ranges[other]
            guard other != index, range.count == target.count, folded(utf8[range.lowerBound]) == folded(utf8[target.lowerBound]),
                  accept(other) else { return false }
            return (0..<range.count).allSatisfy { folded(utf8[range.lowerBound + $0]) == folded(utf8[target.lowerBound + $0]) }
        }
    }
}

/// A list of lower-case words, searched either by string or by a token's hash (checked against the
/// string only on a hit), since hashing a token's bytes is much cheaper than making its string.
struct WordList: Sendable {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x100_0000_01B3

    private let words: Set<String>
    private let keys: [UInt64]

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        keys = self.words.map(Self.key).sorted()
    }

    static func key(_ word: String) -> UInt64 { word.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* prime } }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Whether token `index` of `text` is in the list.
    func contains(_ index: Int, of text: QuoteText) -> Bool {
        let key = text.lower.key(index)
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key && words.contains(text.lower[index])
    }
}
