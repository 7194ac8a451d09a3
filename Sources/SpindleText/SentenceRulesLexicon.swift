/// The small English word lists the sentence rules consult, keyed by a packed form of the word so a
/// lookup needs no `String`: up to 12 ASCII letters, case-folded, five bits each.
enum SentenceLexicon {
    /// The key of `text[start..<end]`, skipping periods (`e.g` -> `eg`) and reading the degree and
    /// ordinal signs as `o` (`N°` is `No`); nil when the word has other characters or is too long.
    static func key(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> UInt64? {
        var key: UInt64 = 0
        var letters = 0
        for i in start..<end {
            var unit = text[i]
            if unit == 0x2E { continue }
            if unit == 0xB0 || unit == 0xBA { unit = 0x6F }
            guard CharacterClass.isASCIILetter(unit), letters < 12 else { return nil }
            key = key << 5 | UInt64(CharacterClass.lower(unit) - 0x60)
            letters += 1
        }
        return letters > 0 ? key : nil
    }

    private static func keys(_ words: [String]) -> Set<UInt64> {
        Set(words.compactMap { word in
            Array(word.utf16).withUnsafeBufferPointer { key($0, 0, $0.count) }
        })
    }

    /// Abbreviations that introduce what follows, so a capitalized word after them never starts a
    /// sentence: titles before a name, and `e.g.`-like Latin.
    static let prepositive = keys([
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "rev", "hon", "gen", "sen", "rep", "gov", "capt", "cpt",
        "lt", "col", "sgt", "cmdr", "adm", "maj", "pres", "supt", "insp", "fr", "drs", "eg", "ie", "cf", "viz", "vs",
    ])

    /// Titles that commonly open a sentence ("… at 6 p.m. Mr. Smith left").
    static let honorific = keys(["mr", "mrs", "ms", "dr", "prof"])

    /// `a.m.` and `p.m.`
    static let clockTime = keys(["am", "pm"])

    /// Words that carry on a clock time rather than start a sentence.
    static let timeContinuation = keys([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
        "tonight", "yesterday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "eastern", "central", "mountain", "pacific", "local",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ])

    /// `No.` is an abbreviation only before a number; elsewhere it is the word.
    static let numero = keys(["no", "nos", "nr"])

    /// Other abbreviations that take a period; after them a sentence ends only when the next word
    /// clearly starts one.
    static let abbreviation = keys([
        "co", "corp", "inc", "ltd", "llc", "plc", "pvt", "bros", "jr", "sr", "st", "mt", "ft", "ave", "blvd", "rd",
        "hwy", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "thu", "thur", "thurs", "fri",
        "etc", "al", "approx", "dept", "fig", "figs", "vol", "vols", "pp", "ca", "circ",
        "univ", "assn", "assoc", "asst", "intl", "natl", "govt", "min", "max", "sec", "est", "ed", "eds", "repr", "trans",
        "cit", "ibid", "ch", "chap", "sect", "esp", "ext", "tel", "ref", "misc", "dist",
        "div", "ind", "calif", "fla", "ariz", "colo", "conn", "mich", "minn",
        "ph", "phd", "ps", "med",
    ])

    /// Words that open sentences far more often than they continue a name or title: after an
    /// abbreviation, a capitalized one of these means the abbreviation also ended the sentence.
    static let starter = keys([
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "i", "you",
        "his", "her", "our", "their", "my", "your", "there", "here", "but", "and", "so", "yet", "or", "if",
        "when", "while", "after", "before", "how", "what", "why", "where", "who", "which", "in", "on", "at",
        "for", "as", "although", "though", "because", "since", "then", "however", "meanwhile", "also", "still",
        "now", "today", "yesterday", "tomorrow", "some", "many", "most", "all", "not", "each", "every", "both",
        "such", "do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "should", "might",
        "let", "please", "thanks", "yes", "with", "without", "during", "once", "another", "even", "only",
        "instead", "finally", "thus", "therefore", "moreover", "furthermore", "nevertheless", "indeed",
        "perhaps", "maybe", "despite", "unlike", "from", "by", "nothing", "none", "several", "whether", "unless",
        "until", "oh", "ok", "sure", "no",
    ])
}
