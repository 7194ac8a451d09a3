/// Numbers, ordinals, years and month names: the pieces every rule reads.
extension Grammar {
    static let decadeWords: [String: Int] = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
        "eighties": 8, "nineties": 9,
    ]

    /// Digits only, at most `maxLength` of them.
    static func integer(_ key: String, maxLength: Int = 9) -> Int? {
        guard !key.isEmpty, key.utf8.count <= maxLength else { return nil }
        var value = 0
        for byte in key.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// A cardinal number: digits, or words ("twenty-five", "twenty five", "five").
    func cardinal(at index: Int) -> (value: Int, end: Int)? {
        let key = words[index]
        if let value = Self.integer(key, maxLength: 6) { return (value, index + 1) }
        if let value = Self.wordNumber(key) {
            if value >= 20, value < 100, value % 10 == 0 {
                if let unit = Lexicon.cardinals[words[index + 1]], unit < 10 { return (value + unit, index + 2) }
                // "twenty - seven": the tokenizer split the hyphen.
                if words[index + 1] == "-", let unit = Lexicon.cardinals[words[index + 2]], unit < 10 { return (value + unit, index + 3) }
            }
            return (value, index + 1)
        }
        return nil
    }

    static func wordNumber(_ key: String) -> Int? {
        if let value = Lexicon.cardinals[key] { return value }
        guard key.utf8.contains(0x2D) else { return nil }
        let parts = key.split(separator: "-")
        guard parts.count == 2, let tens = Lexicon.cardinals[String(parts[0])],
              let unit = Lexicon.cardinals[String(parts[1])], tens >= 20, tens % 10 == 0, unit < 10 else { return nil }
        return tens + unit
    }

    /// A year in words: "nineteen ninety six", "nineteen oh five", "two thousand and twenty",
    /// "two thousand".
    func wordYear(at index: Int) -> (year: Int, end: Int)? {
        guard let first = Lexicon.cardinals[words[index]] else { return nil }
        if first == 2 || first == 1, words[index + 1] == "thousand" {
            var next = index + 2
            var hundreds = 0
            // "one thousand seven hundred and eighty nine".
            if let count = Lexicon.cardinals[words[next]], count < 10, words[next + 1] == "hundred" {
                hundreds = count * 100
                next += 2
            }
            if words[next] == "and" { next += 1 }
            if hundreds > 0 {
                if let (rest, end) = cardinal(at: next), rest < 100, Self.integer(words[next]) == nil {
                    return (first * 1000 + hundreds + rest, end)
                }
                return (first * 1000 + hundreds, next)
            }
            if let (rest, end) = cardinal(at: next), rest < 100, Self.integer(words[next]) == nil {
                return (first * 1000 + rest, end)
            }
            // "two thousand and one hundred" is no year; "October two thousand and returned" is.
            return words[index + 2] == "and" && Lexicon.cardinals[words[index + 3]] != nil ? nil : (first * 1000, index + 2)
        }
        guard first >= 10, first <= 20 else { return nil }
        if words[index + 1] == "oh" || words[index + 1] == "zero", let unit = Lexicon.cardinals[words[index + 2]], unit < 10 {
            return (first * 100 + unit, index + 3)
        }
        // "seventeen hundred thirty three", "nineteen hundred and ninety".
        if words[index + 1] == "hundred" {
            let next = words[index + 2] == "and" ? index + 3 : index + 2
            if Self.integer(words[next]) == nil, let (rest, end) = cardinal(at: next), rest < 100 { return (first * 100 + rest, end) }
            return (first * 100, index + 2)
        }
        guard Self.integer(words[index + 1]) == nil, let (rest, end) = cardinal(at: index + 1), rest >= 10, rest < 100 else { return nil }
        return (first * 100 + rest, end)
    }

    /// A day of the month: "24", "24th", "twenty-fourth", "fourth".
    func dayOfMonth(at index: Int) -> (day: Int, end: Int)? {
        let key = words[index]
        if let value = Self.ordinalDigits(key) ?? Self.integer(key, maxLength: 2), (1...31).contains(value) {
            return (value, index + 1)
        }
        if let value = Self.ordinalWord(key), value > 0 { return (value, index + 1) }
        if let tens = Lexicon.cardinals[key], tens == 20 || tens == 30 {
            // "twenty fourth", "twenty - fourth" (the tokenizer may split the hyphen).
            let next = words[index + 1] == "-" ? index + 2 : index + 1
            if let unit = Self.ordinalWord(words[next]), unit > 0, unit < 10, tens + unit <= 31 { return (tens + unit, next + 1) }
        }
        return nil
    }

    static func startsWithDigit(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    static func allDigits(_ key: String) -> Bool { key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// "1st", "22nd", "3rd", "24th".
    static func ordinalDigits(_ key: String) -> Int? {
        guard key.utf8.count >= 3, startsWithDigit(key) else { return nil }
        let suffix = key.suffix(2)
        guard suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" else { return nil }
        return integer(String(key.dropLast(2)), maxLength: 4)
    }

    /// "first" ... "thirty-first", and "last" (-1).
    static func ordinalWord(_ key: String) -> Int? {
        if let value = Lexicon.ordinals[key] { return value }
        guard key.utf8.contains(0x2D) else { return nil }
        let parts = key.split(separator: "-")
        guard parts.count == 2, let tens = Lexicon.cardinals[String(parts[0])], tens >= 20,
              let unit = Lexicon.ordinals[String(parts[1])], unit > 0, unit < 10 else { return nil }
        return tens + unit
    }

    /// A two-digit year in the century that puts it at most twenty years after the anchor: "3-7-27"
    /// written in 2016 is 2027 (plans and targets), "03/18/40" is 1940.
    func fullYear(_ twoDigits: Int) -> Int {
        let now = anchor?.date.year ?? 2025
        let candidate = now - now % 100 + twoDigits
        return candidate > now + 20 ? candidate - 100 : candidate
    }

    /// A four-digit year; `strict` limits bare numbers to 1900-2099 so counts ("1500 troops") pass.
    func yearNumber(at index: Int, strict: Bool, dropping prefix: Int = 0) -> Int? {
        let key = String(words[index].dropFirst(prefix))
        guard let value = Self.integer(key, maxLength: 4), key.utf8.count == 4 else { return nil }
        return strict ? ((1900...2099).contains(value) ? value : nil) : ((1000...2999).contains(value) ? value : nil)
    }

    /// Month names; "may" and "march" only where a verb could not stand (before a day or year, or
    /// after a preposition or modifier).
    func month(at index: Int) -> Int? {
        let key = words[index]
        guard let month = Lexicon.months[key] else { return nil }
        // "$DEC" is a ticker.
        if words[index - 1] == "$" { return nil }
        if key == "may" || key == "march" || key == "mar" || key == "jan" {
            let after = words[index + 1]
            // An ordinal in words after it is a day even in lower case ("march twenty second"): the verb
            // takes a count ("march twenty miles").
            if Self.integer(after) != nil || Self.ordinalDigits(after) != nil || Self.ordinalWord(after) ?? 0 > 0
                || Lexicon.cardinals[after] != nil && Self.integer(after) == nil
                    && (words.capitalized[index] || dayOfMonth(at: index + 1).map { $0.end > index + 2 } == true) {
                return month
            }
            // A sentence of one word ("May.") has no verb to be.
            if key == "may" || key == "march", ["", ".", "!", "?"].contains(words[index - 1]), ["", ".", "!", "?"].contains(after) { return month }
            // After a weekday ("monday, jan twenty two") it is a month in any case.
            if Lexicon.weekdays[words[index - 1]] != nil || words[index - 1] == "," && Lexicon.weekdays[words[index - 2]] != nil {
                return month
            }
            // Lower-case "may" and "march" are verbs; a capitalized one is a month after a preposition or modifier.
            let before = words[index - 1]
            let ok = words.capitalized[index] && ["in", "of", "since", "until", "till", "through", "by", "early", "late", "mid",
                                                  "last", "next", "this", "during", "from", "before", "after", "to", "every",
                                                  "each", "between"].contains(before)
            return ok ? month : nil
        }
        return month
    }

    /// The year a month (and day) without one takes: the tense rule of `Direction`.
    func resolveYear(month: Int, day: Int, direction: Direction, from anchor: CivilDate) -> Int {
        let here = month * 100 + day, now = anchor.month * 100 + anchor.day
        switch direction {
        case .past: return here > now ? anchor.year - 1 : anchor.year
        case .future: return here < now ? anchor.year + 1 : anchor.year
        case .none:
            // Nearest: within half a year either way.
            let difference = (month - anchor.month) * 31 + (day - anchor.day)
            if difference > 183 { return anchor.year - 1 }
            if difference < -183 { return anchor.year + 1 }
            return anchor.year
        }
    }
}
