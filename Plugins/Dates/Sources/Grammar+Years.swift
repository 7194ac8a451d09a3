/// Years, weeks of a year, decades, centuries and seasons.
extension Grammar {
    /// Years, decades and centuries: "in 1994", "the 1990s", "the '90s", "the nineties", "the 20th
    /// century", "fiscal 2022", "the year 2011".
    func year(at index: Int) -> Found? {
        if let (value, end) = eraYear(at: index) ?? (words[index] == "the" && words[index + 1] == "year" ? eraYear(at: index + 2) : nil) {
            return Found(range: index..<end, type: .date, value: value)
        }
        var start = index
        // "fiscal 2022", "fiscal year 2008", "FY2008", "FY 2008": TimeBank's FY2022.
        let fiscal = words[index] == "fiscal" || words[index] == "fy"
        if fiscal { start += 1 }
        if words[start] == "the" { start += 1 }
        if words[start] == "year" { start += 1 }
        if fiscal, let year = yearNumber(at: start, strict: false) {
            return Found(range: index..<(start + 1), type: .date, value: "FY" + CivilDate.pad(year, 4))
        }
        if words[index].utf8.count == 6, words[index].utf8.first == UInt8(ascii: "f"), words[index].hasPrefix("fy"), let year = yearNumber(at: index, strict: false, dropping: 2) {
            return Found(range: index..<(index + 1), type: .date, value: "FY" + CivilDate.pad(year, 4))
        }
        let strict = start == index && !["in", "since", "of", "by", "until", "from", "before", "after", "during", "through", "to"]
            .contains(words[index - 1])
        if let year = yearNumber(at: start, strict: strict) {
            // "2022 people" is a count; "the 2022 election" is still a year.
            let next = words[start + 1]
            if strict, next.hasSuffix("s"), Lexicon.units[next] == nil, Lexicon.months[next] == nil, next.utf8.count > 3 {
                return nil
            }
            // "2017 Q1", "2019 H2".
            if let part = ["q1": "-Q1", "q2": "-Q2", "q3": "-Q3", "q4": "-Q4", "h1": "-H1", "h2": "-H2"][next] {
                return Found(range: index..<(start + 2), type: .date, value: CivilDate.pad(year, 4) + part)
            }
            // "2024 August", "2017 april".
            if let month = Lexicon.months[next] {
                return Found(range: index..<(start + 2), type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2))
            }
            return Found(range: index..<(start + 1), type: .date, value: CivilDate.pad(year, 4))
        }
        // "year 247", "the year 1066", "Year two hundred and sixty seven" (not "per year 300 ...").
        if !fiscal, start > index, words[start - 1] == "year", !["per", "a", "each", "every", "one", "that", "last", "next", "this"].contains(words[index - 1]),
           let (year, end) = numberedYear(at: start) {
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4))
        }
        if !strict || start > index, let (year, end) = wordYear(at: start) {
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4))
        }
        let key = words[start]
        if let decade = decade(key) {
            return Found(range: index..<(start + 1), type: .date, value: decade)
        }
        if let century = Self.ordinalDigits(key) ?? Self.ordinalWord(key), century > 0, century <= 30,
           words[start + 1] == "century" {
            return Found(range: index..<(start + 2), type: .date, value: CivilDate.pad(century - 1, 2))
        }
        return nil
    }

    /// A year with its era: "345 BC", "2014 B.C.", "14 A.D.", "88 CE", "AD 70" (TIMEX3 writes years before
    /// Christ as `BC0345`), and Buddhist-era years ("2555 BE", 543 years ahead) where no Gregorian year
    /// could be meant.
    func eraYear(at index: Int) -> (value: String, end: Int)? {
        if words[index].utf8.first == UInt8(ascii: "a"), words[index] == "ad" || words[index] == "a.d", let year = Self.integer(words[index + 1], maxLength: 4), year > 0 {
            return (CivilDate.pad(year, 4), index + 2)
        }
        // Eras start with a, b or c: one byte rules out almost every number.
        guard let letter = words[index + 1].utf8.first, letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "c"),
              let year = Self.integer(words[index], maxLength: 4), year > 0 else { return nil }
        let era = words[index + 1]
        if Self.beforeChrist.contains(era) { return ("BC" + CivilDate.pad(year, 4), index + 2) }
        if Self.afterChrist.contains(era) { return (CivilDate.pad(year, 4), index + 2) }
        if era == "be", year >= 2400 { return (CivilDate.pad(year - 543, 4), index + 2) }
        return nil
    }

    static let beforeChrist: Set<String> = ["bc", "b.c", "bce", "b.c.e"]
    static let afterChrist: Set<String> = ["ad", "a.d", "ce", "c.e"]

    /// "week 31", "the first week of 2015", "3rd week of 2018", "the third month of 2021", "the week
    /// of July 23".
    func weekOfYear(at index: Int) -> Found? {
        var start = index
        if words[start] == "the" { start += 1 }
        if words[start] == "week", words[start + 1] == "of", let day = explicitDate(at: start + 2), day.isDay,
           let date = Anchor(parsing: day.value)?.date {
            return Found(range: index..<day.range.upperBound, type: .date, value: date.weekValue)
        }
        if words[start] == "week", let number = Self.integer(words[start + 1], maxLength: 2), (1...53).contains(number) {
            var end = start + 2
            var year = anchor?.date.year
            if words[end] == "of", let written = yearNumber(at: end + 1, strict: false) { year = written; end += 2 }
            if words[end] == "of", words[end + 2] == "year", let shift = ["last": -1, "this": 0, "next": 1][words[end + 1]] {
                year = year.map { $0 + shift }; end += 3
            }
            guard let year else { return nil }
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4) + "-W" + CivilDate.pad(number, 2))
        }
        guard var n = Self.ordinalWord(words[start]) ?? Self.ordinalDigits(words[start]), n != 0 else { return nil }
        var unitAt = start + 1
        // "the third last week of 2018", "the 2nd last week of October".
        if n > 0, words[unitAt] == "last" { n = -n; unitAt += 1 }
        let unit = words[unitAt]
        guard unit == "week" || unit == "month" else { return nil }
        var next = unitAt + 1
        let linked = words[next] == "of" || words[next] == "in"
        if linked { next += 1 }
        // The year: written ("of 2015", "of two thousand and twenty seven") or named ("of this year", "next year").
        var year: Int?
        var end = next
        if linked, let written = yearNumber(at: next, strict: false) {
            year = written; end = next + 1
        } else if linked, let (written, after) = wordYear(at: next) {
            year = written; end = after
        } else if let anchor, words[next + 1] == "year", let shift = ["last": -1, "this": 0, "next": 1, "the": 0][words[next]],
                  linked || words[next] != "the" {
            year = anchor.date.year + shift; end = next + 2
        }
        if let year {
            if unit == "month" {
                guard abs(n) <= 12 else { return nil }
                return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(n < 0 ? 13 + n : n, 2))
            }
            // ISO weeks: the last one holds December 28.
            let weeks = CivilDate(year, 12, 28).isoWeek.week
            let week = n < 0 ? weeks + n + 1 : n
            guard week >= 1, week <= weeks else { return nil }
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4) + "-W" + CivilDate.pad(week, 2))
        }
        // "the first week of October", "the last week of this month": the ISO week holding the month's
        // nth (or nth-last) Thursday, as ISO 8601 counts the weeks of a year.
        guard unit == "week", linked, abs(n) <= 5 else { return nil }
        let month: CivilDate
        if let named = self.month(at: next) ?? Lexicon.months[words[next]] {
            end = next + 1
            if words[end] == "," { end += 1 }
            if let written = yearNumber(at: end, strict: false) {
                month = CivilDate(written, named, 1); end += 1
            } else if let anchor {
                if words[end - 1] == "," { end -= 1 }
                month = CivilDate(resolveYear(month: named, day: 15, direction: direction(index..<end), from: anchor.date.withDay(15)), named, 1)
            } else {
                return nil
            }
        } else if let anchor, words[next + (words[next] == "the" ? 2 : 1)] == "month" {
            let word = words[next] == "the" ? words[next + 1] : words[next]
            guard let shift = ["this": 0, "current": 0, "next": 1, "following": 1, "last": -1, "previous": -1][word] else { return nil }
            month = anchor.date.withDay(1).adding(months: shift)
            end = next + (words[next] == "the" ? 3 : 2)
        } else {
            return nil
        }
        guard let thursday = CivilDate.nth(n, weekday: 4, month: month.month, year: month.year) else { return nil }
        return Found(range: index..<end, type: .date, value: thursday.weekValue)
    }

    /// "1990s" -> "199", "'90s" / "90s" -> "199", "nineties" -> "199" (the 20th century is assumed for
    /// two-digit and word decades).
    func decade(_ key: String) -> String? {
        if let tens = Self.decadeWords[key] { return "19" + String(tens) }
        var digits = Substring(key)
        if digits.hasPrefix("'") || digits.hasPrefix("\u{2019}") { digits = digits.dropFirst() }
        guard digits.hasSuffix("s") else { return nil }
        digits = digits.dropLast()
        if digits.hasSuffix("'") { digits = digits.dropLast() }
        guard let value = Self.integer(String(digits), maxLength: 4), value % 10 == 0 else { return nil }
        if digits.count == 4, (1000...2990).contains(value) { return String(value / 10) }
        if digits.count == 2 { return (value == 0 ? "200" : "19" + String(value / 10)) }
        return nil
    }

    /// "summer 2021", "the summer of 2021", "in the spring" (year from the tense).
    func season(at index: Int) -> Found? {
        var start = index
        if words[index] == "the" { start += 1 }
        guard let code = Lexicon.seasons[words[start]] else { return nil }
        var next = start + 1
        if words[next] == "of" { next += 1 }
        if let year = yearNumber(at: next, strict: false) {
            return Found(range: index..<(next + 1), type: .date, value: CivilDate.pad(year, 4) + "-" + code)
        }
        if next > start + 1, let (year, end) = wordYear(at: next) {
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4) + "-" + code)
        }
        // A bare season word is often a noun modifier ("summer camp"); take it after "the" or a preposition.
        guard start > index || ["in", "during", "by", "until", "since", "over", "through", "whole", "entire"].contains(words[index - 1])
                || closesPhrase(season: start) else {
            return nil
        }
        let range = index..<(start + 1)
        return Found(range: range, type: .date, value: seasonValue(code, offset: 0, direction: direction(range)))
    }

    /// A season word standing alone at the end of its phrase ("I'll leave summer", "Winter, and ..."):
    /// followed by punctuation, the end of the text, "and" or "or", so it modifies no noun ("summer
    /// camp"). "spring" and "fall" are also verbs and nouns ("prices fall.", "a hot spring."), and a
    /// capitalized season inside a sentence is a name ("Donna Summer,"), so those stay out.
    private func closesPhrase(season index: Int) -> Bool {
        let key = words[index]
        guard key == "summer" || key == "winter" || key == "autumn" else { return false }
        let next = words[index + 1]
        guard next.isEmpty || next == "and" || next == "or" || !(next.utf8.first.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 } ?? false) else {
            return false
        }
        // A number after it is a year ("summer 2021"), handled above; here punctuation only.
        if let first = next.utf8.first, first >= 0x30, first <= 0x39 { return false }
        if words.capitalized[index], index != sentenceStart(of: index) { return false }
        return !["a", "an", "nuclear", "indian", "endless", "eternal", "'s"].contains(words[index - 1])
    }

    /// The season of the anchor's year, moved by `offset` years, or by the tense when `offset` is 0.
    func seasonValue(_ code: String, offset: Int, direction: Direction) -> String {
        guard let anchor else { return "XXXX-" + code }
        let startMonth = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][code] ?? 1
        var year = anchor.date.year + offset
        if offset == 0 {
            if direction == .past, startMonth > anchor.date.month { year -= 1 }
            if direction == .future, startMonth + 2 < anchor.date.month { year += 1 }
        }
        return CivilDate.pad(year, 4) + "-" + code
    }
}
