/// PRESENT_REF, PAST_REF and FUTURE_REF words.
extension Grammar {
    /// PRESENT_REF, PAST_REF and FUTURE_REF: "now", "recently", "in the past", "the future",
    /// "at present", "these days".
    func reference(at index: Int) -> Found? {
        let key = words[index]
        if (key == "right" || key == "just") && words[index + 1] == "now" {
            return Found(range: index..<(index + 2), type: .date, value: key == "just" ? "PAST_REF" : "PRESENT_REF")
        }
        if let value = Lexicon.references[key] {
            // "now-defunct" and "soon-to-be" are split by the tokenizer; "now" as a discourse marker
            // at a sentence start still refers to the present.
            return Found(range: index..<(index + 1), type: .date, value: value)
        }
        // "at the moment", "at present", "at this time".
        if key == "at" {
            switch (words[index + 1], words[index + 2]) {
            case ("the", "moment"), ("this", "time"), ("the", "minute"): return Found(range: index..<(index + 3), type: .date, value: "PRESENT_REF")
            case ("present", _): return Found(range: index..<(index + 2), type: .date, value: "PRESENT_REF")
            default: return nil
            }
        }
        if key == "the" || key == "these" {
            switch (key, words[index + 1]) {
            case ("the", "past"): return words[index + 2] == "," || words[index + 2] == "." || words[index + 2] == "" || words[index + 2] == "and"
                ? Found(range: index..<(index + 2), type: .date, value: "PAST_REF") : nil
            case ("the", "future"): return Found(range: index..<(index + 2), type: .date, value: "FUTURE_REF")
            case ("the", "present"): return Found(range: index..<(index + 2), type: .date, value: "PRESENT_REF")
            case ("these", "days"): return Found(range: index..<(index + 2), type: .date, value: "PRESENT_REF")
            default: return nil
            }
        }
        return nil
    }
}
