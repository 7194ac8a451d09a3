/// Years, weeks of a year, decades, centuries and seasons.
extension Grammar {
    /// Years, decades and centuries: "in 1994", "the 1990s", "the '90s", "the nineties", "the 20th
    /// century", "fiscal 2022", "the year 2011".
    func year(at index: Int) -> Found? {
        var start = index
        if words[index] == "fiscal" { start += 1 }
        if words[start] == "the" { start += 1 }
        if words[start] == "year" { start += 1 }
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
        guard let n = Self.ordinalWord(words[start]) ?? Self.ordinalDigits(words[start]), n != 0,
              words[start + 1] == "week" || words[start + 1] == "month", words[start + 2] == "of",
              let year = yearNumber(at: start + 3, strict: false) else { return nil }
        if n < 0 {
            // "the last week of 2016": the ISO week holding December 28.
            let last = words[start + 1] == "month" ? "12" : String(CivilDate(year, 12, 28).isoWeek.week)
            let value = CivilDate.pad(year, 4) + (words[start + 1] == "month" ? "-" : "-W") + CivilDate.pad(Int(last)!, 2)
            return Found(range: index..<(start + 4), type: .date, value: value)
        }
        if words[start + 1] == "month" {
            guard n <= 12 else { return nil }
            return Found(range: index..<(start + 4), type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(n, 2))
        }
        guard n <= 53 else { return nil }
        return Found(range: index..<(start + 4), type: .date, value: CivilDate.pad(year, 4) + "-W" + CivilDate.pad(n, 2))
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
        guard start > index || ["in", "during", "by", "until", "since", "over", "through"].contains(words[index - 1]) else {
            return nil
        }
        let range = index..<(start + 1)
        return Found(range: range, type: .date, value: seasonValue(code, offset: 0, direction: direction(range)))
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
