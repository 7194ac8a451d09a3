extension Grammar {
    /// The rules a word can start. Tokens with digits, hyphens or apostrophes may start many, so they
    /// get all of them; any other word gets the rules listed for it, and most words none: one
    /// dictionary lookup skips them.
    struct Rules: OptionSet {
        let rawValue: UInt16
        static let explicitDate = Rules(rawValue: 1 << 0), year = Rules(rawValue: 1 << 1), relative = Rules(rawValue: 1 << 2)
        static let weekday = Rules(rawValue: 1 << 3), partOfPeriod = Rules(rawValue: 1 << 4), clock = Rules(rawValue: 1 << 5)
        static let duration = Rules(rawValue: 1 << 6), set = Rules(rawValue: 1 << 7), holiday = Rules(rawValue: 1 << 8)
        static let season = Rules(rawValue: 1 << 9), reference = Rules(rawValue: 1 << 10), weekOfYear = Rules(rawValue: 1 << 11)
        static let all = Rules(rawValue: 0x0FFF)
        /// A function word: worth trying only before a word that can start something.
        static let weak = Rules(rawValue: 1 << 12)
        /// Can begin an amount of time ("three", "a", "48").
        static let amount = Rules(rawValue: 1 << 13)
        /// Begins a day a time of day may be written before ("tomorrow", "this", "Friday"): `hourBeforeDay`
        /// tests it without hashing.
        static let dayLead = Rules(rawValue: 1 << 14)
        /// Starts no rule but qualifies an amount ("in less than an hour"): the word before it is worth trying.
        static let qualifier = Rules(rawValue: 1 << 15)
    }

    static func rules(startingWith key: String) -> Rules {
        if allDigits(key), !key.isEmpty { return [.explicitDate, .year, .relative, .clock, .duration, .set, .weekOfYear, .amount] }
        if let rules = rulesByFirstWord[key] { return rules }
        // Clitics have an apostrophe but start nothing ("'90s" and "o'clock" do).
        if clitics.contains(key) { return [] }
        return key.utf8.contains { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") || ($0 >= 0x30 && $0 <= 0x39) } ? .all.union(.amount) : []
    }

    static let clitics: Set<String> = ["'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "s'"]

    static let rulesByFirstWord: [String: Rules] = {
        var table: [String: Rules] = [:]
        func add(_ words: some Sequence<String>, _ rules: Rules) {
            for word in words { table[word, default: []].formUnion(rules) }
        }
        let modifiers = ["last", "past", "previous", "next", "coming", "following", "upcoming", "this", "current"]
        let amounts = ["a", "an", "one", "few", "several", "many", "some", "multiple", "couple", "half"]
        add(Lexicon.weekdays.keys, [.explicitDate, .weekday, .set])
        add(Lexicon.months.keys, [.explicitDate, .holiday])
        add(Lexicon.ordinals.keys, [.explicitDate, .year, .partOfPeriod, .weekOfYear])
        add(Lexicon.cardinals.keys, [.explicitDate, .year, .relative, .clock, .duration, .set])
        add(Lexicon.units.keys, [.duration])
        add(Lexicon.seasons.keys, [.season])
        add(Lexicon.references.keys, [.reference])
        add(Lexicon.frequencies.keys, [.set])
        add(Lexicon.pluralWeekdays.keys, [.set])
        add(decadeWords.keys, [.year])
        add(Holiday.byFirstWord.keys, [.holiday])
        add(modifiers, [.relative, .holiday, .duration])
        add(amounts, [.relative, .duration, .clock, .amount])
        add(Lexicon.cardinals.keys, [.amount])
        add(["the"], [.explicitDate, .year, .relative, .partOfPeriod, .duration, .season, .reference, .weekOfYear])
        add(["fiscal", "year", "fy"], [.year])
        add(["week"], [.weekOfYear])
        add(["today", "tomorrow", "tmrw", "tmr", "yesterday", "tonight", "tonite", "day", "earlier", "later", "in"], [.relative])
        add(["early", "mid", "late", "earlier", "later", "q1", "q2", "q3", "q4", "h1", "h2"], [.partOfPeriod])
        add(["at", "around", "@", "in", "noon", "midday", "mid-day", "midnight", "mid", "quarter", "noonish", "mid-night", "midmorning",
             "mid-morning", "midafternoon", "mid-afternoon"], [.clock])
        add(Lexicon.partsOfDay.keys, [.clock])
        add(["all", "full", "whole", "another", "entire"], [.duration])
        // "within two business days", "another business day".
        add(["within", "another"], [.relative])
        add(["three-quarters"], [.duration, .relative, .amount])
        add(["+"], [.relative])
        add(["½", "¼", "¾"], [.duration, .relative, .amount])
        add(["weekends", "all"], [.set])
        add(["during", "throughout"], [.clock])
        add(Grammar.dayLeads, [.dayLead])
        add(["less", "more"], [.qualifier])
        add(Lexicon.weekdays.keys, [.dayLead])
        add(["ad", "a.d"], [.year])
        add(["mornings", "afternoons", "evenings", "nights", "once", "twice", "thrice", "every", "each"], [.set])
        add(["right", "just", "at", "these", "moment", "present", "future", "time"], [.reference])
        add(["the", "a", "an", "in", "at", "for", "over", "within", "on", "of", "this", "these"], [.weak])
        // Hedges between "in" and an amount ("in about five hours") are skipped the same way.
        add(Grammar.hedges.union(["~"]), [.weak])
        // Words that only continue an expression, listed so "at the end", "this morning" are tried.
        add(["end", "beginning", "start", "middle", "close", "turn", "eod"], [.partOfPeriod])
        add(Lexicon.partsOfDay.keys, [.relative])
        add(["weekend", "workweek", "qtr", "wk", "yr", "decade", "century", "fortnight", "calendar", "working", "business"],
            [.relative])
        return table
    }()
}
