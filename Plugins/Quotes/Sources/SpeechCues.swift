/// Verbs of speaking in every form a news sentence uses them ("said", "says", "saying", "has told").
struct SpeechVerbs: Sendable {
    private let forms: Set<String>

    /// Base forms whose regular inflections (-s, -ed, -ing) are derived; irregular past forms are listed.
    static let regular = [
        "add", "stress", "insist", "ask", "warn", "note", "explain", "declare", "argue", "reply",
        "acknowledge", "admit", "claim", "urge", "tweet", "state", "announce", "confirm", "deny", "comment",
        "recall", "suggest", "respond", "remark", "complain", "conclude", "concede", "predict", "vow", "pledge",
        "promise", "caution", "emphasize", "emphasise", "observe", "quip", "joke", "shout", "whisper", "exclaim",
        "demand", "maintain", "assert", "contend", "post", "wonder", "agree", "boast", "lament", "counter",
        "retort", "report", "continue", "reiterate", "underline", "underscore", "threaten", "answer", "allege",
        "testify", "recount", "scoff", "snap", "sigh", "laugh", "plead", "muse", "beg", "assure", "reassure",
    ]
    static let irregular = ["said", "told", "wrote", "written", "writing", "telling", "tells", "says", "saying"]

    init(extra: [String] = []) {
        var forms = Set<String>(Self.irregular)
        for verb in Self.regular + extra.map({ $0.lowercased() }) {
            forms.insert(verb)
            forms.formUnion(Self.inflections(of: verb))
        }
        self.forms = forms
    }

    func contains(_ lowercased: String) -> Bool { forms.contains(lowercased) || naming.contains(lowercased) }

    /// Verbs that name rather than say ("called the plan “a fairy tale”", "what Moscow calls a “special
    /// operation”"): they attribute a quote of a sentence, but a short phrase after them is a label.
    func isNaming(_ lowercased: String) -> Bool { naming.contains(lowercased) }

    private let naming: Set<String> = Set(["call", "dub", "describe", "label"].flatMap { [$0] + SpeechVerbs.inflections(of: $0) })

    static func inflections(of verb: String) -> [String] {
        let last = verb.last!
        let third = verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x")
            ? verb + "es" : verb.hasSuffix("y") && !"aeiou".contains(verb.dropLast().last ?? "a") ? verb.dropLast() + "ies" : verb + "s"
        let stem: String
        if verb.hasSuffix("ee") {
            return [third, verb + "d", verb + "ing"]
        } else if verb.hasSuffix("e") {
            stem = String(verb.dropLast())
        } else if verb.hasSuffix("y"), !"aeiou".contains(verb.dropLast().last ?? "a") {
            return [third, verb.dropLast() + "ied", verb + "ing"]
        } else if Self.doublesFinalConsonant(verb) {
            stem = verb + String(last)
        } else {
            stem = verb
        }
        return [third, stem + "ed", stem + "ing"]
    }

    /// quip → quipped, admit → admitted: verbs whose stressed last syllable ends in one vowel and one consonant.
    private static func doublesFinalConsonant(_ verb: String) -> Bool { doubling.contains(verb) }

    private static let doubling: Set<String> = ["quip", "snap", "admit", "beg", "rebut", "commit", "regret", "chat", "jot", "plan", "scrap"]
}
