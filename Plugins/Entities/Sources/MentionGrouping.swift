/// Groups the mentions of one entity within a document and names each group by its fullest mention.
///
/// A person's mention belongs to a longer one when its words appear in it in order and contiguously
/// ("Putin" in "Vladimir Putin"). Other labels join only the same words ("Ukraine" is not "eastern
/// Ukraine", so it names itself) or their initials ("CSTO" for "Collective Security Treaty Organization"). Possessive
/// endings are ignored, so "Putin's" joins too. The canonical name is the longest such mention, the
/// first one on a tie.
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
    public static func canonical(_ mentions: [Mention]) -> [(mention: Int, words: Int)] {
        let names = mentions.map { stripPossessive($0.words) }
        let keys = mentions.map { key($0.words) }
        return mentions.indices.map { index in
            var best = index
            for other in mentions.indices where other != index && mentions[other].label == mentions[index].label {
                guard keys[other].count > keys[best].count else { continue }
                let joins = mentions[index].label == "PER" && contains(keys[other], keys[index])
                if joins || isInitialism(names[index], of: names[other], label: mentions[index].label) {
                    best = other
                }
            }
            return (best, names[best].count)
        }
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
            Array(longer[start..<(start + shorter.count)]) == shorter
        }
    }

    private static let initialismLabels: Set<String> = ["ORG", "MISC", "LOC"]
    private static let minorWords: Set<String> = ["of", "the", "and", "for", "&", "de", "on", "in"]

    private static func isInitialism(_ short: [String], of long: [String], label: String) -> Bool {
        guard initialismLabels.contains(label), short.count == 1, long.count >= 2 else { return false }
        let letters = short[0].filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase) else { return false }
        let initials = long.filter { !minorWords.contains($0.lowercased()) }.compactMap(\.first)
        return String(initials).uppercased() == letters
    }
}
