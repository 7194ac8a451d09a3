/// Parts of periods: "mid-February", "early March", "late 2021", "the end of the year", "the first
/// quarter", "the second half of 2021", "Q3 2022". The part becomes a TIMEX3 `mod` (START, MID, END)
/// on the period's value, or a quarter (`2022-Q1`) or half (`2021-H2`) value.
extension Grammar {
    func partOfPeriod(at index: Int) -> Found? {
        let key = words[index]
        // "mid-February", "mid-2021", "early-1990s": one token.
        if key.utf8.contains(0x2D), let dash = key.firstIndex(of: "-"), let mod = Self.partMods[String(key[..<dash])] {
            let rest = String(key[key.index(after: dash)...])
            guard let value = periodValue(rest, range: index..<(index + 1)) else { return nil }
            return Found(range: index..<(index + 1), type: .date, value: value, mod: mod)
        }
        if let mod = Self.partMods[key] {
            var next = index + 1
            if words[next] == "-" { next += 1 }
            if words[next] == "in" { next += 1 }
            if let inner = [explicitDate(at: next), year(at: next), relative(at: next), season(at: next), weekday(at: next)]
                .compactMap({ $0 }).max(by: { $0.range.count < $1.range.count }), inner.type == .date || inner.type == .time {
                return Found(range: index..<inner.range.upperBound, type: inner.type, value: inner.value, mod: mod)
            }
            return nil
        }
        // "2018q4", "18q4".
        if let q = key.firstIndex(of: "q"), let quarter = Self.integer(String(key[key.index(after: q)...]), maxLength: 1), (1...4).contains(quarter),
           let year = Self.integer(String(key[..<q]), maxLength: 4), key.distance(from: key.startIndex, to: q) == 4 || key.distance(from: key.startIndex, to: q) == 2 {
            let full = year < 100 ? 2000 + year : year
            return Found(range: index..<(index + 1), type: .date, value: CivilDate.pad(full, 4) + "-Q" + String(quarter))
        }
        if let quarter = Self.quarterWords[key] {
            return ofYear(start: index, after: index + 1, suffix: "-Q" + String(quarter), partStart: quarter * 3 - 2)
        }
        if let half = Self.halfWords[key] {
            return ofYear(start: index, after: index + 1, suffix: "-H" + String(half), partStart: half * 6 - 5)
        }
        // "third quarter", "4th qtr 2018" without "the".
        if let ordinal = Self.ordinalWord(key) ?? Self.ordinalDigits(key), ordinal != 0, ordinal <= 4,
           ["quarter", "qtr"].contains(words[index + 1]) {
            let quarter = ordinal < 0 ? 4 : ordinal
            return ofYear(start: index, after: index + 2, suffix: "-Q" + String(quarter), partStart: quarter * 3 - 2)
        }
        // "eod", "the eod": the end of the anchor's day.
        if key == "eod" || key == "the" && words[index + 1] == "eod" {
            let today = day(index..<(index + (key == "the" ? 2 : 1)), offset: 0)
            return Found(range: today.range, type: .date, value: today.value, mod: "END", isDay: true)
        }
        let what = key == "the" ? words[index + 1] : key
        // "the end of the year", "the beginning of March", "the middle of next week", "end of day",
        // "end of tomorrow", "the end of the Sunday".
        if words[index + (key == "the" ? 2 : 1)] == "of", key == "the" || words[index - 1] != "the", let mod = Self.boundaryMods[what] {
            let next = index + (key == "the" ? 3 : 2)
            // "end of day", "the end of day": the anchor's day ("end of talks" finds no period below).
            if words[next] == "day" {
                let today = day(index..<(next + 1), offset: 0)
                return Found(range: today.range, type: .date, value: today.value, mod: mod, isDay: true)
            }
            // "At the end of the day, ..." is the idiom "in the end".
            if words[next + 1] == "day", words[index - 1] == "at", words[next + 2] == "," { return nil }
            if words[next] == "the", let value = period(words[next + 1], offset: 0) {
                return Found(range: index..<(next + 2), type: .date, value: value, mod: mod, isDay: words[next + 1] == "day")
            }
            let after = words[next] == "the" && Lexicon.weekdays[words[next + 1]] != nil ? next + 1 : next
            if let inner = [explicitDate(at: next), year(at: next), relative(at: next), season(at: next), weekday(at: after)]
                .compactMap({ $0 }).max(by: { $0.range.count < $1.range.count }), inner.type == .date {
                return Found(range: index..<inner.range.upperBound, type: .date, value: inner.value, mod: mod, isDay: inner.isDay)
            }
            return nil
        }
        guard key == "the" else { return nil }
        // "the first quarter", "the fourth quarter of 2021", "the second half of the year".
        guard let ordinal = Self.ordinalWord(what) ?? Self.ordinalDigits(what), ordinal != 0 else { return nil }
        switch words[index + 2] {
        case "quarter" where ordinal <= 4, "qtr" where ordinal <= 4:
            let quarter = ordinal < 0 ? 4 : ordinal
            return ofYear(start: index, after: index + 3, suffix: "-Q" + String(quarter), partStart: quarter * 3 - 2)
        case "half" where ordinal <= 2:
            let half = ordinal < 0 ? 2 : ordinal
            return ofYear(start: index, after: index + 3, suffix: "-H" + String(half), partStart: half * 6 - 5)
        default:
            return nil
        }
    }

    static let boundaryMods: [String: String] = [
        "beginning": "START", "start": "START", "middle": "MID", "end": "END", "close": "END", "turn": "START",
    ]

    static let partMods: [String: String] = [
        "early": "START", "mid": "MID", "late": "END", "earlier": "START", "later": "END",
    ]

    /// A quarter or half with its year: written after it ("of 2021", "2022", "of this year", "of the
    /// year"), or taken from the anchor and the tense (a past-tense "fourth quarter" written in April
    /// is last year's).
    private func ofYear(start: Int, after: Int, suffix: String, partStart: Int) -> Found? {
        var next = after
        if words[next] == "of" || words[next] == "," { next += 1 }
        if let year = yearNumber(at: next, strict: false) {
            return Found(range: start..<(next + 1), type: .date, value: CivilDate.pad(year, 4) + suffix)
        }
        if words[next] == "the", words[next + 1] == "year" {
            return Found(range: start..<(next + 2), type: .date, value: (anchor.map { CivilDate.pad($0.date.year, 4) } ?? "XXXX") + suffix)
        }
        if ["this", "last", "next"].contains(words[next]), words[next + 1] == "year",
           let year = period("year", offset: words[next] == "this" ? 0 : (words[next] == "last" ? -1 : 1)) {
            return Found(range: start..<(next + 2), type: .date, value: year + suffix)
        }
        let range = start..<after
        guard let anchor else { return Found(range: range, type: .date, value: "XXXX" + suffix) }
        var year = anchor.date.year
        switch direction(range) {
        case .past where partStart > anchor.date.month: year -= 1
        case .future where partStart + 2 < anchor.date.month && suffix.hasPrefix("-Q"): year += 1
        default: break
        }
        return Found(range: range, type: .date, value: CivilDate.pad(year, 4) + suffix)
    }

    /// The value of the word after "mid-": a month, a year or a decade.
    private func periodValue(_ key: String, range: Range<Int>) -> String? {
        if let month = Lexicon.months[key] {
            guard let anchor else { return "XXXX-" + CivilDate.pad(month, 2) }
            let year = resolveYear(month: month, day: 15, direction: direction(range), from: anchor.date.withDay(15))
            return CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2)
        }
        if key.utf8.count == 4, let year = Self.integer(key), (1000...2999).contains(year) { return key }
        return decade(key)
    }

    static let quarterWords: [String: Int] = ["q1": 1, "q2": 2, "q3": 3, "q4": 4]
    static let halfWords: [String: Int] = ["h1": 1, "h2": 2]
}
