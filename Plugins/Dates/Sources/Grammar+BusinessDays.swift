/// Business days, "this day", year numbers after "year", and season words closing a phrase.
extension Grammar {
    /// "in four business days", "three working days ago", "within two business days", "5 business days
    /// from now": a day counted over weekdays only (Saturday and Sunday skipped) from the anchor.
    /// "another business day", "five business days" alone: a duration, `P5BD` (Recognizers-Text's form;
    /// TIMEX3 has no business-day unit).
    func businessDays(at index: Int) -> Found? {
        var start = index
        let lead = words[index]
        let counted = lead == "in" || lead == "within"
        if counted { start += 1 }
        let count: Int, next: Int
        if ["a", "an", "one", "another"].contains(words[start]) {
            count = 1; next = start + 1
        } else if let (value, end) = cardinal(at: start), value > 0, value < 1000 {
            count = value; next = end
        } else {
            return nil
        }
        guard words[next] == "business" || words[next] == "working",
              words[next + 1] == "day" || words[next + 1] == "days" else { return nil }
        var end = next + 2
        var sign = 0
        if counted {
            sign = 1
        } else if words[end] == "ago" || words[end] == "earlier" && words[end + 1] != "this" {
            sign = -1; end += 1
        } else if words[end] == "from", words[end + 1] == "now" || words[end + 1] == "today" {
            sign = 1; end += 2
        } else if words[end] == "later" || words[end] == "hence" {
            sign = 1; end += 1
        }
        guard sign != 0 else {
            return Found(range: start..<end, type: .duration, value: "P\(count)BD")
        }
        guard let date = anchor?.date else {
            return Found(range: index..<end, type: .date, value: "XXXX-XX-XX", isDay: true)
        }
        return Found(range: index..<end, type: .date, value: Self.addingBusinessDays(count * sign, to: date).dayValue, isDay: true)
    }

    static func mayBeBusiness(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == UInt8(ascii: "b") || first == UInt8(ascii: "w") else { return false }
        return key == "business" || key == "working"
    }

    /// `days` weekdays after (before, when negative) `date`, Saturdays and Sundays not counted.
    static func addingBusinessDays(_ days: Int, to date: CivilDate) -> CivilDate {
        let step = days < 0 ? -1 : 1
        var day = date, left = abs(days)
        while left > 0 {
            day = day.adding(days: step)
            if day.weekday <= 5 { left -= 1 }
        }
        return day
    }

    /// "this day": the anchor's day, as "today". "to this day" (until now) and "this day and age" are
    /// idioms and left out.
    func thisDay(at index: Int) -> Found? {
        guard words[index] == "this", words[index + 1] == "day", words[index - 1] != "to",
              !(words[index + 2] == "and" && words[index + 3] == "age") else { return nil }
        return day(index..<(index + 2), offset: 0)
    }

    /// "year 247", "the year 1066", "Year two hundred and sixty seven": a year of three or four digits,
    /// or a number of hundreds in words, right after "year" (`0247`). Smaller numbers ("year 2 of the
    /// plan", "Year 3 pupils") are counts, not years.
    func numberedYear(at start: Int) -> (year: Int, end: Int)? {
        if let value = Self.integer(words[start], maxLength: 4), value >= 100, words[start].utf8.first != UInt8(ascii: "0") {
            return (value, start + 1)
        }
        guard let hundreds = Lexicon.cardinals[words[start]], hundreds > 0, hundreds < 10, words[start + 1] == "hundred" else { return nil }
        var next = start + 2
        if words[next] == "and" { next += 1 }
        if Self.integer(words[next]) == nil, let (rest, end) = cardinal(at: next), rest > 0, rest < 100 {
            return (hundreds * 100 + rest, end)
        }
        return (hundreds * 100, start + 2)
    }
}
