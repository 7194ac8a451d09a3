/// One sentence of training data: its tokens and gold entity spans.
public struct TrainingSentence: Sendable, Equatable {
    public var tokens: [String]
    public var spans: [TokenSpan]

    public init(tokens: [String], spans: [TokenSpan]) {
        self.tokens = tokens
        self.spans = spans
    }
}

/// Makes corpora with different guidelines agree before they are mixed.
///
/// CoNLL tags nationalities ("Russian", "Iraqi") as MISC; Universal NER leaves them untagged; the GMB
/// tags them `gpe` together with some country names. Trained on the mix as is, the model would be
/// told three different things about the same word. Here GMB's `gpe` becomes MISC for demonyms and LOC
/// otherwise, and an untagged capitalized demonym in a corpus without MISC becomes MISC, so the model
/// follows CoNLL throughout. Scores on corpora without MISC simply leave MISC out.
///
/// Likewise the GMB puts titles inside person names ("President Putin"), CoNLL and Universal NER do
/// not; leading titles are cut from PER spans, or "Putin" alone would only ever be seen inside a span.
public struct TrainingHarmonizer: Sendable {
    /// The label a reader gives GMB's `gpe` mentions until they are resolved here.
    public static let geopoliticalLabel = "GPE"

    public let demonyms: Set<String>
    public let titles: Set<String>

    public init(demonyms: some Sequence<String>, titles: some Sequence<String> = []) {
        self.demonyms = Set(demonyms.map { $0.lowercased() })
        self.titles = Set(titles.map { $0.lowercased() })
    }

    public func harmonize(_ sentence: TrainingSentence, corpusTagsMisc: Bool) -> TrainingSentence {
        var result = sentence
        result.spans = sentence.spans.map { span in
            var resolved = span
            if span.label == Self.geopoliticalLabel {
                resolved.label = span.end - span.start == 1 && isDemonym(sentence.tokens[span.start]) ? "MISC" : "LOC"
            }
            if span.label == "PER" {
                while resolved.end - resolved.start > 1, titles.contains(sentence.tokens[resolved.start].lowercased()) {
                    resolved.start += 1
                }
            }
            return resolved
        }
        guard !corpusTagsMisc else { return result }
        var covered = Set<Int>()
        for span in result.spans { covered.formUnion(span.start..<span.end) }
        for (index, token) in sentence.tokens.enumerated() where !covered.contains(index) && isDemonym(token)
            && token.first?.isUppercase == true {
            result.spans.append(TokenSpan(start: index, end: index + 1, label: "MISC"))
        }
        result.spans.sort { $0.start < $1.start }
        return result
    }

    private func isDemonym(_ token: String) -> Bool { demonyms.contains(token.lowercased()) }
}
