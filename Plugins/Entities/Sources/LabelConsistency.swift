/// Makes one document's labels agree: a name is one kind of thing throughout an article.
///
/// The tagger decides sentence by sentence, so "Putin" can come out PER nine times and ORG once.
/// Mentions with the same words (ignoring case and a possessive) take the label most of them have;
/// a one-word mention that is the surname of a person named in full ("Putin" after "Vladimir Putin")
/// becomes PER. Ties keep the tagger's labels. A country's name is LOC, as CoNLL tags it even where it
/// acts ("Belarus deployed troops"), unless it is the surname of someone named in the document; so is
/// an organization-looking name that ends in a place word ("Vostochny Cosmodrome", "Heathrow Airport").
/// A person-looking name that ends in an organization word ("Ria Novosti", "Acme Corp") is ORG.
public enum LabelConsistency {
    public static func harmonize(_ mentions: [MentionGrouping.Mention], isCountry: ([String]) -> Bool = { _ in false },
                                 isPlaceWord: (String) -> Bool = { _ in false },
                                 isOrganizationWord: (String) -> Bool = { _ in false }) -> [String] {
        let keys = mentions.map { MentionGrouping.key($0.words) }
        var surnames = Set<String>()
        for (mention, key) in zip(mentions, keys) where mention.label == "PER" && key.count > 1 {
            surnames.insert(key.last!)
        }
        var votes: [[String]: [String: Int]] = [:]
        for (mention, key) in zip(mentions, keys) { votes[key, default: [:]][mention.label, default: 0] += 1 }
        return zip(mentions, keys).map { mention, key in
            if key.count == 1, surnames.contains(key[0]) { return "PER" }
            if isCountry(mention.words) { return "LOC" }
            if mention.label == "ORG", mention.words.count > 1, isPlaceWord(mention.words.last!) { return "LOC" }
            if mention.label == "PER", mention.words.count > 1, isOrganizationWord(mention.words.last!) { return "ORG" }
            let counts = votes[key]!
            let top = counts.values.max()!
            let leaders = counts.filter { $0.value == top }
            return leaders.count == 1 ? leaders.first!.key : mention.label
        }
    }
}
