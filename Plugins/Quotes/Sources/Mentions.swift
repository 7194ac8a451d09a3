import SpindleCore

/// A name that can speak: an entity from the `entities` layer or, in a pipeline without one, a run of
/// capitalized words.
struct Mention {
    enum Kind { case person, organization, place, other, unknown }
    enum Gender { case male, female }

    var tokens: Range<Int>
    var kind: Kind
    /// The fullest name of the same entity in the document.
    var canonical: String

    var canSpeak: Bool { kind != .other }
    var isPerson: Bool { kind == .person || kind == .unknown }
    var isGroup: Bool { kind == .organization || kind == .place || kind == .unknown }
}

/// Every speaker-like mention of a document, with the fullest name and the gender the text gives each
/// person. Names and genders are worked out on first use: most mentions never speak.
final class Mentions {
    let all: [Mention]
    private let text: QuoteText
    private let names: GivenNames
    /// For each token, the mention that ends or starts there.
    private let endingAt: [Int32]
    private let startingAt: [Int32]
    /// Every person-like name in the document, word by word in lower case, with its spelling.
    private lazy var people: [(words: [String], name: String)] = {
        // Only a name of two words or more can be fuller than another. A capitalized run's words are its
        // tokens'; a tagged person's name may be another mention's, so it is split.
        var seen = Set<String>()
        let runs = capitals.filter { $0.tokens.count > 1 && seen.insert($0.canonical).inserted }.map { (text.lower[$0.tokens], $0.canonical) }
        let tagged = all.filter { $0.isPerson && $0.canonical.utf8.contains(0x20) && seen.insert($0.canonical).inserted }
            .map { (Self.words($0.canonical), $0.canonical) }
        return runs + tagged
    }()
    private let capitals: [Mention]
    private var fullestNames: [String: String] = [:]
    /// `name(of:)` by canonical name, worked out once per document.
    private var resolvedNames: [String: String] = [:]
    /// Runs of capitalized words, titles left out, whether tagged or not.
    private let capitalRuns: [Range<Int>]
    private lazy var genders: [String: Mention.Gender] = votedGenders()

    init(text: QuoteText, entities: [Entity]?, names: GivenNames) {
        self.text = text
        self.names = names
        // Without entities the runs are the mentions and are grouped here; with them, they only fill gaps.
        let capitals = Self.fromCapitals(text: text, grouped: entities == nil)
        var found = capitals
        if let entities {
            // Entities, plus the capitalized words the tagger missed that repeat a tagged person's name
            // ("Lukashenko appeared defiant" when only "Alexander Lukashenko" was tagged).
            found = Self.fromEntities(entities, text: text)
            var covered = [Bool](repeating: false, count: text.count)
            for mention in found { for token in mention.tokens { covered[token] = true } }
            // Each distinct tagged name once, its words hashed as tokens are (no strings made for the
            // runs), indexed by word; made only if some run is untagged.
            var taggedNames: [(keys: [UInt64], canonical: String)] = []
            var byWord: [UInt64: [Int]] = [:]
            var added: [Mention] = []
            for run in capitals where !run.tokens.contains(where: { covered[$0] }) {
                if taggedNames.isEmpty {
                    var seen = Set<String>()
                    for person in found where person.kind == .person && seen.insert(person.canonical).inserted {
                        let keys = Self.words(person.canonical).map(WordList.key)
                        for key in Set(keys) { byWord[key, default: []].append(taggedNames.count) }
                        taggedNames.append((keys, person.canonical))
                    }
                    if taggedNames.isEmpty { break }
                }
                let keys = run.tokens.map { text.lower.key($0) }
                if let match = byWord[keys[0]]?.first(where: { Self.contains(taggedNames[$0].keys, keys) }) {
                    added.append(Mention(tokens: run.tokens, kind: .person, canonical: taggedNames[match].canonical))
                }
            }
            if !added.isEmpty { found = Self.merged(found, added) }
        }
        // Names inside quotes are what the speaker talks about, never the speaker.
        found.removeAll { text.quoteOf[$0.tokens.lowerBound] != nil }
        all = found
        capitalRuns = capitals.map(\.tokens)
        self.capitals = capitals
        // Indexed by token (-1 for none): looked up for nearly every token near a quote and in the gender vote.
        var endingAt = [Int32](repeating: -1, count: text.count), startingAt = [Int32](repeating: -1, count: text.count)
        for (number, mention) in all.enumerated() {
            endingAt[mention.tokens.upperBound - 1] = Int32(number)
            startingAt[mention.tokens.lowerBound] = Int32(number)
        }
        self.endingAt = endingAt
        self.startingAt = startingAt
    }

    /// How far back and ahead the rules look for a person or organization, in mentions: a long article
    /// has a few hundred, and a bound keeps a book-length document linear.
    static let reach = 400

    /// The mentions that end at or before `token`, latest first, within reach.
    func before(_ token: Int) -> ReversedCollection<ArraySlice<Mention>> {
        let end = firstMention(from: token, ending: true)
        return all[max(0, end - Self.reach)..<end].reversed()
    }

    /// The mentions that start at or after `token`, within reach.
    func after(_ token: Int) -> ArraySlice<Mention> {
        let start = firstMention(from: token, ending: false)
        return all[start..<min(all.count, start + Self.reach)]
    }

    /// The first mention that ends after `token` (`ending`) or starts at or after it: mentions do not
    /// overlap and are sorted, so both orders agree.
    private func firstMention(from token: Int, ending: Bool) -> Int {
        var low = 0, high = all.count
        while low < high {
            let middle = (low + high) / 2
            let passed = ending ? all[middle].tokens.upperBound <= token : all[middle].tokens.lowerBound < token
            if passed { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func ending(at token: Int) -> Int? { endingAt[token] < 0 ? nil : Int(endingAt[token]) }
    func starting(at token: Int) -> Int? { startingAt[token] < 0 ? nil : Int(startingAt[token]) }

    /// A mention's name: for a person, the fullest form the document gives, tagged or not ("Verrier" →
    /// "Anatole Verrier" when the tagger found only the surname).
    func name(of mention: Mention) -> String {
        guard mention.isPerson else { return mention.canonical }
        if let known = resolvedNames[mention.canonical] { return known }
        // A tagged name of two words or more is already full; a lone surname may have a fuller form.
        let tagged = mention.kind == .person && mention.canonical.utf8.contains(0x20)
        var name = tagged ? mention.canonical : fullest(mention.canonical) ?? mention.canonical
        // A tagger that took the title in ("Cllr Owen Pritchard") still names the person without it.
        var words = name.split(separator: " ")
        if words.count > 1, Titles.isTitle(words[0].lowercased()) {
            while words.count > 1, Titles.isTitle(words[0].lowercased()) { words.removeFirst() }
            name = words.joined(separator: " ")
        }
        resolvedNames[mention.canonical] = name
        return name
    }

    /// The latest capitalized name before `index` whose last word is `head` ("Coastal Forecast Centre"
    /// for "the centre"), tagged or not.
    func institution(named head: String, before index: Int) -> String? {
        var low = 0, high = capitalRuns.count
        while low < high {
            let middle = (low + high) / 2
            if capitalRuns[middle].upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return capitalRuns[max(0, low - Self.reach)..<low]
            .last { $0.count > 1 && text.lower[$0.upperBound - 1] == head && text.quoteOf[$0.lowerBound] == nil }
            .map { text.text($0) }
    }

    func gender(of mention: Mention) -> Mention.Gender? { genders[name(of: mention)] }

    /// The longest person-like name in the document that contains `name`'s words, in its own spelling.
    func fullest(_ name: String) -> String? {
        if let known = fullestNames[name] { return known.isEmpty ? nil : known }
        let words = Self.words(name)
        let found = people.filter { $0.words.count > words.count && Self.contains($0.words, words) }.max { $0.words.count < $1.words.count }?.name
        fullestNames[name] = found ?? ""
        return found
    }

    private static func fromEntities(_ entities: [Entity], text: QuoteText) -> [Mention] {
        var mentions: [Mention] = []
        var cursor = 0
        for entity in entities {
            while cursor < text.count, text.spans[cursor].end <= entity.span.start { cursor += 1 }
            var end = cursor
            while end < text.count, text.spans[end].start < entity.span.end { end += 1 }
            guard end > cursor else { continue }
            // A capitalized dateline ("ASHBY, Nov 20 -") tagged as a person is a place, and a "person"
            // whose name ends in "Logistics" or "Council" is an organization.
            let shouted = entity.label == "PER" && (cursor..<end).allSatisfy { text.isShouted($0) }
            let institutional = entity.label == "PER" && end - cursor > 1 && Titles.institutions.contains(end - 1, of: text)
            let kind: Mention.Kind = switch entity.label {
            case "PER" where shouted: .place
            case "PER" where institutional: .organization
            case "PER": .person
            case "ORG": .organization
            case "LOC": .place
            default: .other
            }
            mentions.append(Mention(tokens: cursor..<end, kind: kind, canonical: entity.canonical ?? ""))
        }
        for index in mentions.indices where mentions[index].canonical.isEmpty {
            mentions[index].canonical = text.text(mentions[index].tokens)
        }
        return mentions
    }

    /// Without an entity layer: runs of capitalized words, titles dropped, named by the longest run
    /// that contains them ("Verrier" → "Anatole Verrier"). A capitalized word that opens a sentence
    /// counts only when the text never writes it in lower case.
    private static func fromCapitals(text: QuoteText, grouped: Bool) -> [Mention] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < text.count {
            guard text.isCapitalized(index), text.isWord(index), text.quoteOf[index] == nil else { index += 1; continue }
            var end = index + 1
            while end < text.count, text.quoteOf[end] == nil,
                  text.isCapitalized(end) && text.isWord(end) || end + 1 < text.count && text.isCapitalized(end + 1) && Self.nameJoiners.contains(end, of: text) {
                end += 1
            }
            // After the last title: "Varnesian Foreign Minister Ilona Varga-Pesti" is "Ilona Varga-Pesti".
            var start = (index..<(end - 1)).last { Titles.isTitle($0, of: text) }.map { $0 + 1 } ?? index
            // A sentence's first word counts only when the text never writes it in lower case ("Later
            // Adeyemi said"). Beside tagged entities only runs of several words matter, so only those are checked.
            while start < end, Self.notNames.contains(start, of: text)
                    || start == text.sentences[text.sentenceOf[start]].lowerBound && (grouped || end - start > 1) && text.isWrittenInLowerCase(start) {
                start += 1
            }
            if start < end { runs.append(start..<end) }
            index = end
        }
        // Beside tagged entities a run's own text matters only when it can be a fuller name than another.
        guard grouped else { return runs.map { Mention(tokens: $0, kind: .unknown, canonical: $0.count > 1 ? text.text($0) : "") } }
        // Each run is named by the longest run that contains it; only runs of several words can.
        var byWord: [String: [Int]] = [:]
        for (number, run) in runs.enumerated() where run.count > 1 {
            for token in run where byWord[text.lower[token]]?.last != number { byWord[text.lower[token], default: []].append(number) }
        }
        return runs.indices.map { number in
            var best = number
            for other in byWord[text.lower[runs[number].lowerBound]] ?? []
            where runs[other].count > runs[best].count && contains(Array(text.lower[runs[other]]), Array(text.lower[runs[number]])) {
                best = other
            }
            return Mention(tokens: runs[number], kind: .unknown, canonical: text.text(runs[best]))
        }
    }

    private static func words(_ name: String) -> [String] { name.lowercased().split(separator: " ").map(String.init) }

    /// Two lists of mentions, each in text order, as one in text order.
    private static func merged(_ first: [Mention], _ second: [Mention]) -> [Mention] {
        var result: [Mention] = []
        result.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || i < first.count && first[i].tokens.lowerBound < second[j].tokens.lowerBound {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }

    /// Whether `shorter` occurs in `longer` as a contiguous run (of words or their hashes).
    static func contains<Word: Equatable>(_ longer: [Word], _ shorter: [Word]) -> Bool {
        guard !shorter.isEmpty, shorter.count <= longer.count else { return false }
        search: for start in 0...(longer.count - shorter.count) {
            for offset in shorter.indices where longer[start + offset] != shorter[offset] { continue search }
            return true
        }
        return false
    }

    private static let nameJoiners = WordList(["de", "van", "von", "der", "al", "bin", "da", "di", "-"])
    /// Capitalized words that start sentences rather than names.
    private static let notNames = WordList([
        "the", "a", "an", "but", "and", "in", "on", "at", "it", "he", "she", "they", "we", "i", "this", "that",
        "later", "earlier", "then", "meanwhile", "however", "still", "yet", "so", "also", "after", "before", "when",
        "while", "since", "as", "if", "although", "though", "for", "from", "with", "without", "by", "during", "under",
        "over", "to", "of", "about", "asked", "speaking", "according", "now", "today", "yesterday", "there", "here",
        "his", "her", "its", "their", "our", "my", "your", "these", "those", "some", "many", "most", "all", "both",
        "other", "another", "each", "every", "no", "not", "only", "even", "just", "instead", "indeed", "despite",
        "because", "unlike", "like", "once", "what", "why", "how", "who", "where", "which", "last", "next",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ])

    /// Honorifics and role nouns settle a person's gender; otherwise the given-name list does, and
    /// failing that the pronouns that follow the person's mentions vote.
    private func votedGenders() -> [String: Mention.Gender] {
        var votes: [String: (male: Int, female: Int)] = [:]
        func vote(_ mention: Mention, _ gender: Mention.Gender, weight: Int) {
            let key = name(of: mention)
            var count = votes[key] ?? (0, 0)
            if gender == .male { count.male += weight } else { count.female += weight }
            votes[key] = count
        }
        for mention in all where mention.isPerson {
            let before = mention.tokens.lowerBound - 1
            if before >= 0, let gender = Titles.gender(of: text.lower[before]) { vote(mention, gender, weight: 10) }
            let given = name(of: mention).prefix { $0 != " " }
            if let gender = names.gender(of: String(given)) { vote(mention, gender, weight: 3) }
        }
        var lastPerson: Mention?
        var lastSentence = -1
        for index in 0..<text.count {
            if let number = starting(at: index), all[number].isPerson {
                lastPerson = all[number]
                lastSentence = text.sentenceOf[index]
            }
            guard text.quoteOf[index] == nil, let person = lastPerson, text.sentenceOf[index] - lastSentence <= 1,
                  let gender = Pronouns.gender(of: text.lower[index]) else { continue }
            vote(person, gender, weight: 1)
        }
        return votes.compactMapValues { $0.male > $0.female ? .male : $0.female > $0.male ? .female : nil }
    }
}

enum Pronouns {
    static func gender(of word: String) -> Mention.Gender? {
        switch word {
        case "he", "him", "his", "himself": .male
        case "she", "her", "hers", "herself": .female
        default: nil
        }
    }

    static let personal: Set<String> = ["he", "she", "i", "we"]
    static let group: Set<String> = ["it", "they"]
}

/// Words that come before a name without being part of it ("President", "Defence Minister", "Mr.").
enum Titles {
    static func isTitle(_ lower: String) -> Bool { titles.contains(lower) }
    static func isTitle(_ index: Int, of text: QuoteText) -> Bool { titles.contains(index, of: text) }

    /// Titles and roles together: the words that come before a name.
    private static let titles = WordList(words.union(roles))

    /// Nouns for what a person does: heads of role descriptions (`the judge`) and titles before names.
    static let roles: Set<String> = [
        "president", "leader", "minister", "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson",
        "secretary", "governor", "mayor", "senator", "ambassador", "general", "commander", "chief", "head",
        "king", "queen", "prince", "pope", "director", "chairman", "chairwoman", "ceo", "founder", "judge",
        "lawyer", "attorney", "barrister", "prosecutor", "candidate", "front-runner", "author", "researcher",
        "scientist", "professor", "doctor", "captain", "manager", "coach", "mediator", "negotiator", "envoy",
        "councillor", "councilor", "chair", "executive", "economist", "analyst", "architect", "engineer",
        "inspector", "officer", "sheriff", "detective", "superintendent", "mp", "lawmaker", "activist",
    ]

    static func gender(of lower: String) -> Mention.Gender? {
        if male.contains(lower) { return .male }
        if female.contains(lower) { return .female }
        return nil
    }

    static let male: Set<String> = ["mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
                                    "councilman", "assemblyman", "alderman",
                                    "businessman", "father", "brother", "son", "husband", "uncle", "monsieur", "herr"]
    static let female: Set<String> = ["ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady", "queen", "princess",
                                      "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother", "sister",
                                      "councilwoman", "assemblywoman", "alderwoman",
                                      "daughter", "wife", "aunt", "madame", "frau"]
    /// Heads of descriptions that name an institution, and last words of organizations' names.
    static let institutions = WordList([
        "ministry", "government", "company", "agency", "office", "department", "council", "committee", "court",
        "army", "military", "police", "party", "group", "bank", "union", "commission", "organization",
        "organisation", "firm", "service", "embassy", "administration", "kremlin", "parliament", "board",
        "campaign", "team", "club", "university", "school", "hospital", "foundation", "institute", "network",
        "authority", "operator", "carrier", "airline", "manufacturer", "insurer", "lender", "retailer",
        "broadcaster", "regulator", "watchdog", "utility", "developer", "league", "federation", "association",
        "yard", "shipyard", "plant", "mine", "miner", "buyer", "seller", "owner", "statement", "centre", "center",
        "bureau", "unit", "trust", "charity", "coalition", "alliance", "newspaper", "paper", "logistics",
        "holdings", "ltd", "inc", "corp", "plc", "gmbh", "llc", "partners", "industries", "systems", "technologies",
        "airlines", "motors", "press", "news", "times", "post",
    ])

    private static let words: Set<String> = male.union(female).union([
        "cllr", "cllr.", "supt", "supt.", "insp.", "det.", "maj.", "cpl.", "adm.", "hon.", "rt", "mme", "mlle", "st.",
        "president", "minister", "secretary", "chancellor", "governor", "mayor", "senator", "sen.", "rep.",
        "representative", "gov.", "dr", "dr.", "prof.", "professor", "general", "gen.", "col.", "colonel", "lt.",
        "captain", "capt.", "judge", "justice", "ambassador", "spokesperson", "chair", "ceo", "director", "chief",
        "pope", "sheikh", "premier", "leader", "commissioner", "inspector", "sgt.", "sergeant", "officer", "coach",
        "manager", "editor", "pastor", "rev.", "bishop", "archbishop", "cardinal", "deputy", "vice", "head", "mp",
        "lawmaker", "councillor", "councilor", "founder", "prime", "foreign", "defence", "defense", "interior",
        "finance", "health", "economy", "trade", "state", "former", "acting", "belarusian", "russian",
        "ukrainian", "american", "british", "french", "german", "chinese",
    ])
}

/// First names the census gives (almost) only to one sex.
struct GivenNames: Sendable {
    private let genders: [String: Mention.Gender]

    init(genders: [String: Mention.Gender] = [:]) { self.genders = genders }

    /// Reads `Name<TAB>m|f` lines; `#` starts a comment.
    init(contents: String) {
        var genders: [String: Mention.Gender] = [:]
        for line in contents.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            genders[String(fields[0])] = fields[1] == "f" ? .female : .male
        }
        self.genders = genders
    }

    var count: Int { genders.count }

    func gender(of name: String) -> Mention.Gender? { genders[name] }
}
