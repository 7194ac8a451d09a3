/// Groups the mentions of one entity within a document and names each group by its fullest mention.
///
/// A person's mention belongs to a longer one when its words appear in it in order and contiguously
/// ("Putin" in "Vladimir Putin"). Other labels join only the same words ("Ukraine" is not "eastern
/// Ukraine", so it names itself) or their initials ("CSTO" for "Collective Security Treaty Organization"). Possessive
/// endings are ignored, so "Putin's" joins too. The canonical name is the longest such mention, the
/// first one on a tie, so mentions with the same words take the first one's spelling (a dateline's
/// "TORONTO" is named "Toronto" when the article wrote that first). Full names that are spellings of
/// one transliterated name ("Aleksandr Lukashenko", "Alexander Lukashenko"; "Sergei", "Sergey") are one
/// person, named by the first of them.
public enum MentionGrouping {
    public struct Mention: Sendable, Equatable {
        public var words: [String]
        public var label: String

        public init(words: [String], label: String) {
            self.words = words
            self.label = label
        }
    }

    /// For each mention, in order, the mention that names its group and how many of that mention's
    /// words make the name (a split-off possessive "'s" is left out).
    ///
    /// Mentions with the same label and words share one answer, and a mention is compared only with those
    /// that share a word with it (people) or whose initials it spells (others), so a long document with
    /// tens of thousands of mentions costs about as much per mention as a short one.
    public static func canonical(_ mentions: [Mention]) -> [(mention: Int, words: Int)] {
        let names = mentions.map { stripPossessive($0.words) }
        let keys = mentions.map { key($0.words) }
        // The first mention of each label and words stands for all of them: the canonical name is the
        // first longest one, and the first of equal mentions comes first.
        var representative: [String: Int] = [:]
        var representatives: [Int] = []
        let identities = mentions.indices.map { mentions[$0].label + "\u{1}" + keys[$0].joined(separator: "\u{1}") }
        for index in mentions.indices where representative[identities[index]] == nil {
            representative[identities[index]] = index
            representatives.append(index)
        }
        var peopleByWord: [String: [Int]] = [:]
        var namesByInitials: [String: [Int]] = [:]
        for index in representatives where keys[index].count > 1 {
            if mentions[index].label == "PER" {
                for word in Set(keys[index]) { peopleByWord[word, default: []].append(index) }
            } else if initialismLabels.contains(mentions[index].label) {
                namesByInitials[initials(of: names[index]), default: []].append(index)
            }
        }
        var answers: [Int: (mention: Int, words: Int)] = [:]
        for index in representatives {
            let label = mentions[index].label
            var candidates: [Int] = []
            if label == "PER", let first = keys[index].first {
                candidates = (peopleByWord[first] ?? []).filter { contains(keys[$0], keys[index]) }
            } else if let letters = initialism(names[index], label: label) {
                candidates = (namesByInitials[letters] ?? []).filter { mentions[$0].label == label }
            }
            var best = index
            for other in candidates.sorted() where other != index && keys[other].count > keys[best].count { best = other }
            answers[index] = (best, names[best].count)
        }
        // Spellings of one transliterated full name name each other's group by the first of them.
        var firstSpelling: [[String]: Int] = [:]
        for index in representatives where mentions[index].label == "PER" && keys[index].count > 1 {
            let spelling = keys[index].map(transliterationKey)
            if let first = firstSpelling[spelling] {
                if keys[first] != keys[index] { answers[index] = (first, names[first].count) }
            } else {
                firstSpelling[spelling] = index
            }
        }
        for index in representatives {
            let named = answers[index]!.mention
            if answers[named]!.mention != named, keys[named].count > 1, mentions[named].label == "PER" { answers[index] = answers[named] }
        }
        return mentions.indices.map { answers[representative[identities[$0]]!]! }
    }

    /// A lower-case word with the usual differences between romanizations of one name evened out:
    /// "aleksandr" and "alexander" → "alexandr", "sergey" and "sergei" → "sergei", "dmitriy" → "dmitri".
    static func transliterationKey(_ word: String) -> String {
        var text = word.replacingOccurrences(of: "ks", with: "x")
        if text.hasSuffix("iy") { text.removeLast() }
        if text.hasSuffix("y") { text = String(text.dropLast()) + "i" }
        if text.hasSuffix("er"), text.count > 4 { text = String(text.dropLast(2)) + "r" }
        var evened = ""
        for character in text where character != evened.last { evened.append(character) }
        return evened
    }

    /// The words that identify a mention: lower case, without a possessive ending.
    static func key(_ words: [String]) -> [String] { stripPossessive(words).map { $0.lowercased() } }

    private static let possessives: Set<String> = ["'s", "’s", "'", "’"]

    private static func stripPossessive(_ words: [String]) -> [String] {
        guard words.count > 1, let last = words.last, possessives.contains(last) else { return words }
        return Array(words.dropLast())
    }

    private static func contains(_ longer: [String], _ shorter: [String]) -> Bool {
        guard !shorter.isEmpty, shorter.count <= longer.count else { return false }
        return (0...(longer.count - shorter.count)).contains { start in
            longer[start..<(start + shorter.count)].elementsEqual(shorter)
        }
    }

    private static let initialismLabels: Set<String> = ["ORG", "MISC", "LOC"]
    private static let minorWords: Set<String> = ["of", "the", "and", "for", "&", "de", "on", "in"]

    /// The letters of a one-word name that could be an initialism ("CSTO"), upper case.
    private static func initialism(_ short: [String], label: String) -> String? {
        guard initialismLabels.contains(label), short.count == 1 else { return nil }
        let letters = short[0].filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return nil }
        return String(letters)
    }

    /// The initials of a longer name's words, minor words left out, upper case.
    private static func initials(of long: [String]) -> String {
        String(long.filter { !minorWords.contains($0.lowercased()) }.compactMap(\.first)).uppercased()
    }
}
