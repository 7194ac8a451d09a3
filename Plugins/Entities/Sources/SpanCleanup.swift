/// Repairs three kinds of span edge the tagger gets wrong, sentence by sentence, after decoding.
///
/// - A common lower-case word at the start of a name is cut: "eastern Ukraine" → "Ukraine",
///   "western Europe" → "Europe". Only words that the word classes saw (almost) always in lower case
///   are cut, and never name particles ("de Gaulle", "van Gogh", "al-Assad"); all-lower-case spans
///   ("tampa bay" in web text) are left alone.
/// - A span never starts with a possessive: "President" + "'s Press Service" (the tagger split the
///   name at the clitic) becomes one span "President's Press Service" with the later label; a
///   possessive starting a span with nothing before it is cut.
/// - A person's title is not part of the name: "President Vladimir Putin" → "Vladimir Putin", as the
///   CoNLL and UNER guidelines tag it.
public enum SpanCleanup {
    static let particles: Set<String> = ["de", "da", "di", "du", "del", "della", "des", "dos", "das", "van", "von", "der", "den",
                                         "ten", "ter", "la", "le", "al", "el", "bin", "ibn", "ben", "bint", "abu", "mc", "st"]

    public static func clean<S: StringProtocol>(_ spans: [TokenSpan], tokens: [S], wordClasses: WordClasses,
                                                isTitle: (S) -> Bool = { _ in false }) -> [TokenSpan] {
        var result: [TokenSpan] = []
        for var span in spans {
            if isPossessive(tokens[span.start]) {
                if let last = result.last, last.end == span.start {
                    result.removeLast()
                    span.start = last.start
                } else {
                    span.start += 1
                }
            }
            let capitalized = tokens[span.start..<span.end].contains { $0.first?.isUppercase == true }
            while capitalized, span.end - span.start > 1, isCommonLowerWord(tokens[span.start], wordClasses) {
                span.start += 1
            }
            // A person's name does not include the title before it: "President Vladimir Putin" → "Vladimir Putin".
            while span.label == "PER", span.end - span.start > 1, isTitle(tokens[span.start]),
                  tokens[span.start + 1].first?.isUppercase == true {
                span.start += 1
            }
            if span.start < span.end { result.append(span) }
        }
        return result
    }

    static func isPossessive(_ token: some StringProtocol) -> Bool {
        token == "'s" || token == "’s" || token == "'" || token == "’"
    }

    static func isCommonLowerWord(_ token: some StringProtocol, _ wordClasses: WordClasses) -> Bool {
        guard let first = token.first, first.isLowercase, !particles.contains(String(token)) else { return false }
        switch wordClasses.habit(of: WordForm(token).lower) {
        case .alwaysLower?, .mostlyLower?: return true
        default: return false
        }
    }
}
