/// Which way from the anchor an expression without a year or week points.
///
/// The rule, for weekdays ("on Friday"), months ("in December"), month-days ("on March 3"), seasons
/// and holidays without a year:
/// - The verb group that governs the expression decides. We take the nearest tense cue before the
///   expression in its sentence (the verb usually precedes its temporal adjunct: "will travel on
///   Monday", "were held on Friday"); failing that, the nearest after it ("On Friday, the talks
///   collapsed").
/// - Future cues: `will`, `'ll`, `shall`, `going to`, `would` (future in reported speech: "said it
///   would vote on Tuesday"), and verbs of planning (`plans`, `expected`, `scheduled`, `set to`).
/// - Past cues: `was`, `were`, `had`, `did`, `ago`, common irregular past forms (`said`, `held`,
///   `met`, ...) and words ending in `-ed` (except the planning verbs above).
/// - Future resolves to the next occurrence after the anchor; past to the latest one on or before it
///   (a report of something "on Tuesday" published that Tuesday is about that day). No cue: the
///   occurrence nearest the anchor, either way.
enum Direction: Sendable {
    case past, future, none
}

enum Tense {
    static let futureCues: Set<String> = [
        "will", "'ll", "wo", "shall", "gonna", "would", "plans", "plan", "planned", "planning", "expected",
        "expects", "scheduled", "schedule", "due", "upcoming", "intends", "aims", "hopes", "tomorrow",
    ]

    static let pastCues: Set<String> = [
        "was", "were", "had", "did", "ago", "said", "told", "held", "met", "went", "came", "took", "made",
        "began", "saw", "gave", "left", "won", "lost", "fell", "rose", "sold", "bought", "spoke", "wrote",
        "got", "found", "led", "ran", "paid", "sent", "built", "brought", "thought", "felt", "kept", "hit",
        "struck", "shot", "fought", "broke", "chose", "flew", "grew", "knew", "threw", "drew", "became",
        "forgot", "spent", "stood", "understood", "yesterday", "earlier",
    ]

    /// Words in `-ed` that are not past tense, or point forward.
    static let notPast: Set<String> = [
        "need", "speed", "indeed", "seed", "feed", "bed", "red", "hundred", "proceed", "exceed", "succeed",
        "expected", "scheduled", "planned", "based", "united", "limited", "related", "proposed", "bled",
        "shed", "weed", "breed", "creed", "deed", "embed", "heed", "naked", "sacred", "wicked",
    ]

    static func cue(_ word: String, next: String) -> Direction {
        if futureCues.contains(word) { return .future }
        if word == "going" || word == "set" || word == "about" { return next == "to" ? .future : .none }
        if pastCues.contains(word) { return .past }
        if word.utf8.count > 4, word.hasSuffix("ed"), !notPast.contains(word) { return .past }
        return .none
    }

    /// The direction for an expression on tokens `expression` of the sentence `sentence`.
    static func direction(of expression: Range<Int>, in sentence: Range<Int>, words: Words) -> Direction {
        var index = expression.lowerBound - 1
        while index >= sentence.lowerBound {
            let found = cue(words[index], next: words[index + 1])
            if found != .none { return found }
            index -= 1
        }
        index = expression.upperBound
        while index < sentence.upperBound {
            let found = cue(words[index], next: words[index + 1])
            if found != .none { return found }
            index += 1
        }
        return .none
    }
}
