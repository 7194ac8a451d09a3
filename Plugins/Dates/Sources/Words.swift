import SpindleCore

/// The document's tokens as lower-case keys, cut from the text view's token bytes once per document.
///
/// A token's final period is dropped ("Feb." -> "feb", "p.m." -> "p.m") so abbreviations need one key.
/// Most keys are under 16 bytes, which Swift stores inline, so building them allocates almost nothing.
struct Words {
    let keys: [String]
    let spans: [Span]
    /// Whether each word starts with a capital letter in the text ("May" the month, "may" the verb).
    let capitalized: [Bool]

    init(_ view: TextView, tokens: [Token]) {
        var keys: [String] = []
        keys.reserveCapacity(tokens.count)
        var capitals: [Bool] = []
        capitals.reserveCapacity(tokens.count)
        view.withUTF8 { bytes in
            for range in view.tokenBytes {
                keys.append(Self.key(UnsafeBufferPointer(rebasing: bytes[range])))
                capitals.append(!range.isEmpty && bytes[range.lowerBound] >= 0x41 && bytes[range.lowerBound] <= 0x5A)
            }
        }
        (self.keys, self.spans, self.merged) = Self.joinDigitRuns(keys: keys, spans: tokens.map(\.span))
        var joinedCapitals = Array(repeating: false, count: self.keys.count)
        for (token, word) in merged.enumerated().reversed() { joinedCapitals[word] = capitals[token] }
        self.capitalized = joinedCapitals
    }

    /// Which word each original token ended up in (tokens of one glued run share a word).
    let merged: [Int]

    /// Joins tokens written without space between them when the run holds a digit: tokenizers split
    /// "31/Oct/1974", "3pm" or "2014-10" in different places, and the grammar reads them whole.
    private static func joinDigitRuns(keys: [String], spans: [Span]) -> ([String], [Span], [Int]) {
        var outKeys: [String] = [], outSpans: [Span] = [], map: [Int] = []
        outKeys.reserveCapacity(keys.count)
        outSpans.reserveCapacity(keys.count)
        map.reserveCapacity(keys.count)
        var index = 0
        while index < keys.count {
            var end = index + 1
            var hasDigit = isDigits(keys[index])
            if index + 1 < keys.count, spans[index + 1].start == spans[index].end, isGluable(keys[index]), !isSeparator(keys[index]) {
                while end < keys.count, spans[end].start == spans[end - 1].end, isGluable(keys[end]) {
                    hasDigit = hasDigit || keys[end].utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
                    end += 1
                }
                hasDigit = hasDigit || keys[index].utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
                // Never end on a separator: "2022." is a year and a full stop.
                while end > index + 1, isSeparator(keys[end - 1]) { end -= 1 }
            }
            if end > index + 1, hasDigit {
                outKeys.append(keys[index..<end].joined())
                outSpans.append(Span(start: spans[index].start, end: spans[end - 1].end))
            } else {
                end = index + 1
                outKeys.append(keys[index])
                outSpans.append(spans[index])
            }
            for _ in index..<end { map.append(outKeys.count - 1) }
            index = end
        }
        return (outKeys, outSpans, map)
    }

    private static func isSeparator(_ key: String) -> Bool { key == "/" || key == "-" || key == "." || key == ":" }

    private static func isDigits(_ key: String) -> Bool { !key.isEmpty && key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// Letters, digits and date separators only, short enough to be part of a date or time.
    private static func isGluable(_ key: String) -> Bool {
        key.utf8.count <= 12 && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2F || byte == 0x2D || byte == 0x2E || byte == 0x3A
        }
    }

    /// Token ranges (sentences) in this word list's indices.
    func wordRange(_ tokens: Range<Int>) -> Range<Int> {
        guard !tokens.isEmpty, tokens.upperBound <= merged.count else { return 0..<0 }
        return merged[tokens.lowerBound]..<(merged[tokens.upperBound - 1] + 1)
    }

    init(keys: [String], spans: [Span], capitalized: [Bool]) {
        self.keys = keys
        self.spans = spans
        self.capitalized = capitalized
        self.merged = Array(keys.indices)
    }

    var count: Int { keys.count }

    /// The key of token `index`, or "" past either end, so patterns can look ahead without checks.
    subscript(index: Int) -> String { index >= 0 && index < keys.count ? keys[index] : "" }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var length = bytes.count
        if length > 1, bytes[length - 1] == UInt8(ascii: ".") { length -= 1 }
        // Typographic apostrophes ("New Year’s") read as ASCII ones.
        if bytes.contains(where: { $0 >= 0x80 }) {
            let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self).lowercased()
            return String(String.UnicodeScalarView(lowered.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
        }
        return String(unsafeUninitializedCapacity: length) { output in
            for index in 0..<length {
                let value = bytes[index]
                output[index] = value >= 0x41 && value <= 0x5A ? value | 0x20 : value
            }
            return length
        }
    }
}

