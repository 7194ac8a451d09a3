/// Calendar dates with month names: "February 24", "24 February 2022", "Tuesday, May 3", "the first
/// Tuesday of October", and days of the month alone.
extension Grammar {
    /// "February 24", "Feb. 24, 2022", "24 February 2022", "the 24th of February", "Tuesday, May 3",
    /// "February 2022", "2/24/2022", "2022-02-24", and a month alone ("in December").
    func explicitDate(at index: Int) -> Found? {
        if let weekday = Lexicon.weekdays[words[index]] {
            var next = index + 1
            if words[next] == "," { next += 1 }
            if let date = explicitDate(at: next), date.isDay {
                return Found(range: index..<date.range.upperBound, type: .date, value: weekdayFits(date, weekday), isDay: true,
                             impliedYear: date.impliedYear)
            }
            // "Friday 7.6", "Friday 7-6": month and day in digits after a weekday.
            if let (month, day, end) = monthDayDigits(at: next), let date = dayDate(from: next, month: month, day: day, after: end) {
                return Found(range: index..<date.range.upperBound, type: .date, value: weekdayFits(date, weekday), isDay: true,
                             impliedYear: date.impliedYear)
            }
            // "Tuesday the 19th", "Thu 15th", "Monday 21", "Friday the fifteen": the month where that day is
            // that weekday.
            if words[next] == "the" { next += 1 }
            let spelled = words[next - 1] == "the" && Self.integer(words[next]) == nil ? cardinal(at: next).flatMap { (1...31).contains($0.value) ? ($0.value, $0.end) : nil } : nil
            if let day = dayOfMonth(at: next) ?? spelled,
               Self.integer(words[next]) == nil || words[next - 1] == "the" || !(words[next + 1].first?.isLetter ?? false) || words[next + 1] == "at" {
                return Found(range: index..<day.end, type: .date, value: monthWith(day: day.day, weekday: weekday, range: index..<day.end),
                             isDay: true)
            }
            return nil
        }
        if let ordinal = nthOfMonth(at: index) { return ordinal }
        if let mixed = mixedDate(at: index) { return mixed }
        if let numeric = numericDate(at: index) { return numeric }
        var start = index
        if words[index] == "the" { start += 1 }
        // Day before month: "24 February", "24th of February", "the 24th of February" (not "$12 December").
        // "twenty five January": a day in cardinal words, only before a month.
        let written = dayOfMonth(at: start)
        var spelled: (day: Int, end: Int)?
        if written == nil, Self.integer(words[start]) == nil, let (value, end) = cardinal(at: start), (1...31).contains(value) {
            spelled = (value, end)
        }
        if let day = written ?? spelled, !["$", "€", "£", "#"].contains(words[start - 1]) {
            var next = day.end
            // "the twenty third day of September".
            if words[next] == "day", words[next + 1] == "of" { next += 1 }
            if words[next] == "of" { next += 1 }
            if written == nil, Lexicon.months[words[next]] == nil { return nil }
            if let month = month(at: next) ?? Lexicon.months[words[next]] {
                return dayDate(from: index, month: month, day: day.day, after: next + 1)
            }
            // "the 20th of next month", "20 of this month".
            var monthWord = next
            if words[monthWord] == "the" { monthWord += 1 }
            if words[next - 1] == "of", let anchor, words[monthWord + 1] == "month",
               let shift = ["next": 1, "following": 1, "this": 0, "current": 0, "last": -1, "previous": -1][words[monthWord]] {
                let month = anchor.date.withDay(1).adding(months: shift)
                guard let date = CivilDate.valid(month.year, month.month, day.day) else { return nil }
                return Found(range: index..<(monthWord + 2), type: .date, value: date.dayValue, isDay: true)
            }
            // "on the 15th", "the 24th": a day of the anchor's month (or the next or last, by tense).
            // A bare number after "on" is a day only with a time of day after it ("on 15 at 8:00", "on 15, 8pm").
            let after = words[day.end]
            let timeFollows = (after == "at" || after == ",") && clock(at: day.end + 1) != nil
            if start > index || words[index - 1] == "on" || timeFollows,
               Self.integer(words[start]) == nil || start > index || timeFollows && words[index - 1] == "on",
               after.isEmpty || !(after.first?.isLetter ?? false) || ["at", "and", "or", "to", "through", "this", "next"].contains(after) {
                return Found(range: index..<day.end, type: .date, value: monthWith(day: day.day, weekday: nil, range: index..<day.end),
                             isDay: true, impliedYear: true)
            }
        }
        guard start == index, let month = month(at: index) else { return nil }
        // Month then day: "February 24", "Feb. 24th", "February the 24th".
        var next = index + 1
        if words[next] == "the" { next += 1 }
        if let (year, end) = wordYear(at: index + 1 + (words[index + 1] == "of" ? 1 : 0)) {
            return Found(range: index..<end, type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2))
        }
        if let day = dayOfMonth(at: next) {
            return dayDate(from: index, month: month, day: day.day, after: day.end)
        }
        // "October, 1st": a comma only before an ordinal.
        if words[next] == ",", Self.ordinalDigits(words[next + 1]) != nil, let day = dayOfMonth(at: next + 1) {
            return dayDate(from: index, month: month, day: day.day, after: day.end)
        }
        // "May twenty nine", "June fifteen".
        if Self.integer(words[next]) == nil, let (day, end) = cardinal(at: next), day >= 1, day <= 31 {
            return dayDate(from: index, month: month, day: day, after: end)
        }
        // "Aug 96": a two-digit year.
        if words[index + 1].utf8.count == 2, let year = Self.integer(words[index + 1]), year >= 40 {
            return Found(range: index..<(index + 2), type: .date, value: CivilDate.pad(1900 + year, 4) + "-" + CivilDate.pad(month, 2))
        }
        // Month and year: "February 2022", "Feb. 2022", "February of 2022", "February, 2022", "April of 87".
        next = index + 1
        if words[next] == "of" || words[next] == "," { next += 1 }
        if let year = yearNumber(at: next, strict: false) ?? (words[index + 1] == "of" ? twoDigitYear(at: next, directlyAfter: true) : nil) {
            return Found(range: index..<(next + 1), type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2))
        }
        // "March in a year": that month of the year so many years on.
        if let anchor, let (years, end) = yearsAhead(at: index + 1) {
            return Found(range: index..<end, type: .date, value: CivilDate.pad(anchor.date.year + years, 4) + "-" + CivilDate.pad(month, 2))
        }
        // A month alone takes its year from the tense.
        guard let anchor else {
            return Found(range: index..<(index + 1), type: .date, value: "XXXX-" + CivilDate.pad(month, 2))
        }
        let year = resolveYear(month: month, day: 15, direction: direction(index..<(index + 1)), from: anchor.date.withDay(15))
        return Found(range: index..<(index + 1), type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2))
    }

    /// A month and day, with the year written after it (", 2022", "2022") or taken from the tense.
    func dayDate(from start: Int, month: Int, day: Int, after: Int) -> Found? {
        var next = after
        if words[next] == "," || (words[next] == "of" || words[next] == "in")
            && (yearNumber(at: next + 1, strict: false) != nil || words[next + 1].utf8.count == 2) { next += 1 }
        if let (era, end) = eraYear(at: next) {
            guard CivilDate.valid(2000, month, day) != nil else { return nil }
            return Found(range: start..<end, type: .date, value: era + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2), isDay: true)
        }
        if let year = yearNumber(at: next, strict: false) ?? twoDigitYear(at: next, directlyAfter: next == after || words[after] == "of") {
            guard let date = CivilDate.valid(year, month, day) else { return nil }
            return Found(range: start..<(next + 1), type: .date, value: date.dayValue, isDay: true)
        }
        if let (year, end) = wordYear(at: next), let date = CivilDate.valid(year, month, day) {
            return Found(range: start..<end, type: .date, value: date.dayValue, isDay: true)
        }
        guard CivilDate.valid(2000, month, day) != nil else { return nil }
        let range = start..<after
        guard let anchor else {
            return Found(range: range, type: .date, value: "XXXX-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2),
                         isDay: true)
        }
        let year = resolveYear(month: month, day: day, direction: direction(range), from: anchor.date)
        // February 29 takes the nearest leap year the tense allows.
        guard let date = CivilDate.valid(year, month, day)
                ?? choose((-4...4).compactMap { CivilDate.valid(anchor.date.year + $0, month, day) }, direction: direction(range),
                          from: anchor.date) else { return nil }
        return Found(range: range, type: .date, value: date.dayValue, isDay: true, impliedYear: true)
    }

    /// "3 Aug 96", "Aug 9 96": two digits right after a date are its year.
    func twoDigitYear(at index: Int, directlyAfter: Bool) -> Int? {
        guard directlyAfter, words[index].utf8.count == 2, let value = Self.integer(words[index]),
              !(Lexicon.units[words[index + 1]] != nil || ["o", "o'clock", "oclock", "am", "pm", "a.m", "p.m", ":"].contains(words[index + 1]))
        else { return nil }
        return fullYear(value)
    }

    /// A day with a weekday written next to it: when the year was implied, the nearest year (by the
    /// tense) in which that day falls on that weekday ("Fri, Jul 18").
    /// The weekday is the stronger evidence, so the nearest fitting year wins over the tense.
    private func weekdayFits(_ date: Found, _ weekday: Int) -> String {
        guard date.impliedYear, let anchor, let written = Anchor(parsing: date.value)?.date else { return date.value }
        let candidates = (-6...6).compactMap { CivilDate.valid(anchor.date.year + $0, written.month, written.day) }
            .filter { $0.weekday == weekday }
        return choose(candidates, direction: .none, from: anchor.date)?.dayValue ?? date.value
    }

    /// "7.6", "7-6", "7/6" (month first) in one token or split by the tokenizer, read only where a date
    /// is expected (after a weekday): alone they are numbers and scores.
    func monthDayDigits(at index: Int) -> (month: Int, day: Int, end: Int)? {
        var pieces = words[index].split(separator: ".", omittingEmptySubsequences: false)
        var end = index + 1
        if pieces.count != 2 { pieces = words[index].split(separator: "-", omittingEmptySubsequences: false) }
        if pieces.count != 2, ["-", "/", "."].contains(words[index + 1]), Self.integer(words[index + 2], maxLength: 2) != nil {
            pieces = [Substring(words[index]), Substring(words[index + 2])]
            end = index + 3
        }
        guard pieces.count == 2, let month = Self.integer(String(pieces[0]), maxLength: 2), let day = Self.integer(String(pieces[1]), maxLength: 2),
              CivilDate.valid(2000, month, day) != nil else { return nil }
        return (month, day, end)
    }

    /// A day of the month without a month: in the anchor's month, or the nearest month (by the tense)
    /// that has it (on the given weekday, if any).
    func monthWith(day: Int, weekday: Int?, range: Range<Int>) -> String {
        guard let anchor else { return "XXXX-XX-" + CivilDate.pad(day, 2) }
        let first = anchor.date.withDay(1)
        let candidates = (-13...13).compactMap { offset -> CivilDate? in
            let month = first.adding(months: offset)
            return CivilDate.valid(month.year, month.month, day)
        }.filter { weekday == nil || $0.weekday == weekday }
        return choose(candidates, direction: direction(range), from: anchor.date)?.dayValue ?? "XXXX-XX-" + CivilDate.pad(day, 2)
    }

    /// The candidate a direction picks: the first on or after the anchor, the last on or before it, or
    /// the nearest.
    func choose(_ candidates: [CivilDate], direction: Direction, from anchor: CivilDate) -> CivilDate? {
        switch direction {
        case .future: candidates.first { $0 >= anchor }
        case .past: candidates.last { $0 <= anchor }
        case .none: candidates.min { abs($0.dayNumber - anchor.dayNumber) < abs($1.dayNumber - anchor.dayNumber) }
        }
    }

    /// "the first Tuesday of October", "last Monday of March 2014", "the last day of October 2015",
    /// "the third day of October".
    func nthOfMonth(at index: Int) -> Found? {
        var start = index
        if words[start] == "the" { start += 1 }
        guard var n = Self.ordinalWord(words[start]) ?? Self.ordinalDigits(words[start]), n != 0 else { return nil }
        // "the fifth last day of May", "the second last Friday of June".
        if n > 0, words[start + 1] == "last", Lexicon.weekdays[words[start + 2]] != nil || words[start + 2] == "day" {
            n = -n
            start += 1
        }
        guard n <= 5 || words[start + 1] == "day" else { return nil }
        let what = words[start + 1]
        let weekday = Lexicon.weekdays[what]
        guard weekday != nil || what == "day" else { return nil }
        // "the first Sunday", "third Tuesday": in the anchor's month.
        if let weekday, n > 0, words[start + 2] != "of", words[start + 2] != "in", let anchor {
            guard let date = CivilDate.nth(n, weekday: weekday, month: anchor.date.month, year: anchor.date.year) else { return nil }
            return Found(range: index..<(start + 2), type: .date, value: date.dayValue, isDay: true)
        }
        guard words[start + 2] == "of" || words[start + 2] == "in" else { return nil }
        var end = start + 4
        var year: Int
        let month: Int
        if let named = Lexicon.months[words[start + 3]] {
            month = named
        } else if let anchor, let shift = ["this": 0, "the": 0, "current": 0, "next": 1, "following": 1, "last": -1, "previous": -1][words[start + 3]],
                  words[start + 4] == "month" {
            // "the first Monday of this month", "the last day of next month".
            let moved = anchor.date.withDay(1).adding(months: shift)
            month = moved.month
            year = moved.year
            end = start + 5
            let date = weekday.map { CivilDate.nth(n, weekday: $0, month: month, year: year) }
                ?? (n < 0 ? CivilDate.valid(year, month, CivilDate.daysIn(month: month, year: year) + n + 1) : CivilDate.valid(year, month, n))
            guard let date else { return nil }
            return Found(range: index..<end, type: .date, value: date.dayValue, isDay: true)
        } else {
            return nil
        }
        if let written = yearNumber(at: end, strict: false) {
            year = written; end += 1
        } else if let anchor {
            year = resolveYear(month: month, day: 15, direction: direction(index..<end), from: anchor.date.withDay(15))
        } else {
            return nil
        }
        let date: CivilDate?
        if let weekday {
            date = CivilDate.nth(n, weekday: weekday, month: month, year: year)
        } else {
            date = n < 0 ? CivilDate.valid(year, month, CivilDate.daysIn(month: month, year: year) + n + 1) : CivilDate.valid(year, month, n)
        }
        guard let date else { return nil }
        return Found(range: index..<end, type: .date, value: date.dayValue, isDay: true)
    }
}
