/// Gazetteers (countries, cities, demonyms, given names, organization words ...) matched on lower-case
/// token sequences.
///
/// Entries are stored as hashes of their token sequences, so the model file carries them without their
/// text, and matching a sentence costs a few dictionary look-ups per token.
public struct Lexicon: Sendable, Equatable {
    public let categories: [String]
    /// Sequence hash to the bit set of categories it belongs to.
    public private(set) var entries: [UInt64: UInt32]
    /// Hashes of every proper prefix of an entry, so matching stops as soon as no entry can follow.
    public private(set) var prefixes: Set<UInt64>
    public private(set) var longest: Int

    public init(categories: [String], entries: [UInt64: UInt32] = [:], prefixes: Set<UInt64> = [], longest: Int = 0) {
        precondition(categories.count <= 32, "at most 32 lexicon categories")
        self.categories = categories
        self.entries = entries
        self.prefixes = prefixes
        self.longest = longest
    }

    /// Builds a lexicon from phrases per category; phrases are split on white space.
    public init(phrases: [String: [String]]) {
        self.init(categories: phrases.keys.sorted())
        for (index, category) in categories.enumerated() {
            for phrase in phrases[category] ?? [] {
                add(phrase.split(whereSeparator: \.isWhitespace), category: index)
            }
        }
    }

    private mutating func add(_ words: [Substring], category: Int) {
        guard !words.isEmpty else { return }
        var hash = FeatureHash.empty
        for (index, word) in words.enumerated() {
            hash = FeatureHash.combine(hash, WordForm(word).lower)
            if index < words.count - 1 { prefixes.insert(hash) }
        }
        entries[hash, default: 0] |= 1 << UInt32(category)
        longest = max(longest, words.count)
    }

    /// Whether these words, as a whole, are an entry of the category.
    public func contains(_ words: some Sequence<some StringProtocol>, category: String) -> Bool {
        guard let index = categories.firstIndex(of: category) else { return false }
        var hash = FeatureHash.empty
        for word in words { hash = FeatureHash.combine(hash, WordForm(word).lower) }
        return (entries[hash] ?? 0) & (1 << UInt32(index)) != 0
    }

    /// Per token, the categories of the entries covering it, by BILOU position: `masks[token][position]`.
    /// At each token the longest entry starting there is taken.
    public func match(_ lowerForms: [UInt64]) -> [(UInt32, UInt32, UInt32, UInt32)] {
        var masks = [(UInt32, UInt32, UInt32, UInt32)](repeating: (0, 0, 0, 0), count: lowerForms.count)
        guard !entries.isEmpty else { return masks }
        for start in lowerForms.indices {
            var hash = FeatureHash.empty
            var found: (length: Int, mask: UInt32)?
            var end = start
            while end < lowerForms.count, end - start < longest {
                hash = FeatureHash.combine(hash, lowerForms[end])
                end += 1
                if let mask = entries[hash] { found = (end - start, mask) }
                if !prefixes.contains(hash) { break }
            }
            guard let (length, mask) = found else { continue }
            if length == 1 {
                masks[start].3 |= mask
                continue
            }
            masks[start].0 |= mask
            for inside in (start + 1)..<(start + length - 1) { masks[inside].1 |= mask }
            masks[start + length - 1].2 |= mask
        }
        return masks
    }
}
