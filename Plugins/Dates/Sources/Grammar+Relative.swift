/// Expressions resolved against the anchor: "yesterday", "last week", "next month", "two days ago",
/// "in three weeks", "on Friday", "this morning".
extension Grammar {
    func relative(at index: Int) -> Found? {
        let key = words[index]
        switch key {
        case "today": return day(index..<(index + 1), offset: 0)
        case "tomorrow", "tmrw", "tmr": return day(index..<(index + 1), offset: 1)
        case "yesterday": return day(index..<(index + 1), offset: -1)
        case "tonight", "tonite":
            let today = day(index..<(index + 1), offset: 0)
            return Found(range: today.range, type: .time, value: today.value + "TNI")
        default: break
        }
        // "the day before yesterday", "the day after tomorrow".
        let dayStart = key == "the" ? index + 1 : index
        if words[dayStart] == "day", words[dayStart + 1] == "before" || words[dayStart + 1] == "after" {
            let offset = words[dayStart + 1] == "before" ? -1 : 1
            let base = words[dayStart + 2] == "yesterday" ? -1 : (["tomorrow", "tmrw", "tmr"].contains(words[dayStart + 2]) ? 1 : nil)
            if let base { return day(index..<(dayStart + 3), offset: base + offset) }
        }
        if let shifted = shifted(at: index) { return shifted }
        if let upcoming = upcoming(at: index) { return upcoming }
        // "three Fridays from now", "2 Thursdays ago".
        if let (count, end) = cardinal(at: index), count > 0, count < 10, let weekday = Lexicon.pluralWeekdays[words[end]],
           let date = anchor?.date {
            let forward = words[end + 1] == "from" && words[end + 2] == "now" || words[end + 1] == "hence"
            let backward = words[end + 1] == "ago" || words[end + 1] == "back"
            guard forward || backward else { return nil }
            let first = forward ? (weekday - date.weekday + 6) % 7 + 1 : -((date.weekday - weekday + 6) % 7 + 1)
            let day = date.adding(days: first + (forward ? 7 : -7) * (count - 1))
            return Found(range: index..<(end + (words[end + 1] == "from" ? 3 : 2)), type: .date, value: day.dayValue, isDay: true)
        }
        return modified(at: index)
    }

    /// "the upcoming two weeks", "two upcoming months": the period that many periods ahead.
    private func upcoming(at index: Int) -> Found? {
        var start = index
        if words[start] == "the" { start += 1 }
        let amount: Amount, unitIndex: Int
        if words[start] == "upcoming", let counted = quantity(at: start + 1), counted.value != nil {
            amount = counted; unitIndex = counted.end
        } else if let counted = quantity(at: start), counted.value != nil, words[counted.end] == "upcoming" {
            amount = counted; unitIndex = counted.end + 1
        } else {
            return nil
        }
        let count = Int(amount.value ?? 1)
        let unit = words[unitIndex].hasSuffix("s") ? String(words[unitIndex].dropLast()) : words[unitIndex]
        let range = index..<(unitIndex + 1)
        if unit == "day" {
            return day(range, offset: count)
        }
        guard ["week", "month", "quarter", "year"].contains(unit), let value = period(unit, offset: count) else { return nil }
        return Found(range: range, type: .date, value: value)
    }

    /// A day at `offset` days from the anchor.
    func day(_ range: Range<Int>, offset: Int) -> Found {
        Found(range: range, type: .date, value: anchor?.date.adding(days: offset).dayValue ?? "XXXX-XX-XX", isDay: true)
    }

    /// "last week", "next month", "this year", "last Friday", "next March", "this morning",
    /// "earlier this year", "this coming Monday".
    private func modified(at index: Int) -> Found? {
        var start = index
        // "earlier in the week", "later in the year": the anchor's period.
        if words[start] == "earlier" || words[start] == "later", words[start + 1] == "in", words[start + 2] == "the",
           let unit = Self.periodWords[words[start + 3]], let value = period(unit, offset: 0) {
            return Found(range: index..<(start + 4), type: .date, value: value)
        }
        if words[start] == "earlier" || words[start] == "later" { start += 1 }
        if words[start] == "the", Self.theModifiers.contains(words[start + 1]) { start += 1 }
        // "the weekend", "over the weekend": the anchor's.
        if words[start] == "the" || words[start] == "weekend", words[start] == "weekend" || words[start + 1] == "weekend",
           let value = period("weekend", offset: 0) {
            return Found(range: index..<(words[start] == "weekend" ? start + 1 : start + 2), type: .date, value: value)
        }
        // "the week after next".
        if words[start] == "the", let unit = Self.periodWords[words[start + 1]], words[start + 2] == "after", words[start + 3] == "next",
           let value = period(unit, offset: 2) {
            return Found(range: index..<(start + 4), type: .date, value: value)
        }
        let offset: Int
        switch words[start] {
        case "previous" where Lexicon.weekdays[words[start + 1]] != nil:
            // "previous Monday": the Monday of the week before.
            guard let date = anchor?.date, let weekday = Lexicon.weekdays[words[start + 1]] else { return nil }
            return Found(range: index..<(start + 2), type: .date, value: date.monday.adding(days: weekday - 8).dayValue, isDay: true)
        case "last", "past", "previous": offset = -1
        case "next", "coming", "following", "upcoming": offset = 1
        case "current": offset = 0
        case "this":
            switch words[start + 1] {
            case "past": offset = -1; start += 1
            case "coming", "upcoming": offset = Lexicon.weekdays[words[start + 2]] != nil ? 0 : 1; start += 1
            default: offset = 0
            }
        default: return nil
        }
        // "earlier" and "later" only qualify "this"/"next"/"last" + a period; "this calendar year".
        var target = start + 1
        if ["calendar", "working", "business", "work"].contains(words[target]), Self.periodWords[words[target + 1]] != nil { target += 1 }
        let range = index..<(target + 1)
        let key = words[target]
        if let weekday = Lexicon.weekdays[key] {
            return Found(range: range, type: .date, value: weekdayValue(weekday, modifier: offset, explicit: true, range: range),
                         isDay: true)
        }
        if let month = month(at: target), words[index] != "earlier", words[index] != "later" {
            guard let anchor else { return Found(range: range, type: .date, value: "XXXX-" + CivilDate.pad(month, 2)) }
            var year = anchor.date.year
            if offset < 0, month >= anchor.date.month { year -= 1 }
            if offset > 0, month <= anchor.date.month { year += 1 }
            return Found(range: range, type: .date, value: CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2))
        }
        if let code = Lexicon.seasons[key] {
            let direction: Direction = offset < 0 ? .past : (offset > 0 ? .future : .none)
            return Found(range: range, type: .date, value: seasonValue(code, offset: 0, direction: direction))
        }
        if let part = Lexicon.partsOfDay[key], words[start] != "next" {
            // "last night" is yesterday's; "this morning" today's.
            return Found(range: range, type: .time, value: day(range, offset: offset < 0 ? -1 : 0).value + "T" + part)
        }
        if let unit = Self.periodWords[key], let value = period(unit, offset: offset) {
            return Found(range: range, type: .date, value: value)
        }
        return nil
    }

    /// Words for calendar periods, with their abbreviations.
    static let periodWords: [String: String] = [
        "week": "week", "wk": "week", "workweek": "week", "weekend": "weekend", "month": "month", "year": "year",
        "yr": "year", "quarter": "quarter", "qtr": "quarter", "decade": "decade", "century": "century",
    ]

    /// The calendar period named by a unit word, `offset` periods from the anchor's.
    func period(_ unit: String, offset: Int) -> String? {
        guard let date = anchor?.date else {
            switch unit {
            case "week": return "XXXX-WXX"
            case "weekend": return "XXXX-WXX-WE"
            case "month": return "XXXX-XX"
            case "year": return "XXXX"
            case "quarter": return "XXXX-QX"
            case "decade": return "XXX"
            case "century": return "XX"
            default: return nil
            }
        }
        switch unit {
        case "week": return date.adding(days: 7 * offset).weekValue
        case "weekend": return date.adding(days: 7 * offset).weekValue + "-WE"
        case "month": return date.adding(months: offset).monthValue
        case "year": return CivilDate.pad(date.year + offset, 4)
        case "quarter":
            let moved = date.adding(months: 3 * offset)
            return CivilDate.pad(moved.year, 4) + "-Q" + String((moved.month - 1) / 3 + 1)
        case "decade": return String(date.year / 10 + offset)
        case "century": return CivilDate.pad(date.year / 100 + offset, 2)
        default: return nil
        }
    }

    /// "two days ago", "three weeks earlier", "in five years", "10 minutes from now", "a month later",
    /// "1 day 21 hours ago", "half an hour ago".
    private func shifted(at index: Int) -> Found? {
        var start = index
        let leadingIn = words[index] == "in"
        // "the longest in six years", "the first time in a decade": a span back from now, left to the
        // duration rule.
        let before = words[index - 1]
        if leadingIn, before.hasSuffix("est") || ["first", "time", "once", "only", "most", "least"].contains(before) { return nil }
        if leadingIn { start += 1 }
        guard let amount = compoundAmount(at: start, glued: !leadingIn) else { return nil }
        var end = amount.end
        var sign = 0
        if leadingIn {
            sign = 1
        } else {
            switch words[end] {
            // "after" and "before" take a day after them ("three days after Easter"): `scan` handles them.
            case "ago", "earlier", "back": sign = -1; end += 1
            case "later", "hence": sign = 1; end += 1
            case "from":
                guard words[end + 1] == "now" else { return nil }
                sign = 1; end += 2
            default: return nil
            }
        }
        let range = index..<end
        guard amount.parts.allSatisfy({ $0.amount.value != nil }) else {
            // "a few days ago": somewhere in the past.
            return Found(range: range, type: .date, value: sign < 0 ? "PAST_REF" : "FUTURE_REF")
        }
        return shift(amount.parts, sign: sign, range: range, from: anchor, day: nil)
    }

    /// The anchor (or `day`) moved by amounts of units: a day for date units, an instant for clock units
    /// when the anchor has a time of day.
    func shift(_ parts: [(amount: Amount, unit: Lexicon.Unit)], sign: Int, range: Range<Int>, from anchor: Anchor?,
               day: CivilDate?) -> Found {
        guard let anchor else {
            let hasTime = parts.contains { $0.unit.isTime }
            return Found(range: range, type: .date, value: hasTime ? "XXXX-XX-XXTXX:XX" : "XXXX-XX-XX", isDay: !hasTime)
        }
        var date = day ?? anchor.date
        var seconds = 0
        for (amount, unit) in parts {
            let value = amount.value ?? 0
            let whole = Int(value) * sign
            switch unit.code {
            case _ where unit.isTime: seconds += Int(value * Double(unit.seconds)) * sign
            case "D", "W":
                date = date.adding(days: whole * unit.days)
                if value != value.rounded() { seconds += Int((value - value.rounded(.down)) * 86400) * sign }
            case "M": date = date.adding(months: whole)
            case "Q": date = date.adding(months: 3 * whole)
            case "Y": date = date.adding(months: 12 * whole)
            case "DE": date = date.adding(months: 120 * whole)
            default: date = date.adding(months: 1200 * whole)
            }
        }
        guard seconds != 0 || parts.contains(where: { $0.unit.isTime }) else {
            return Found(range: range, type: .date, value: date.dayValue, isDay: true)
        }
        guard anchor.hour != nil, day == nil else {
            let moved = Anchor(date: date).adding(seconds: seconds)
            return Found(range: range, type: .date, value: moved.date.dayValue, isDay: true)
        }
        var moved = anchor
        moved.date = date
        let instant = moved.adding(seconds: seconds)
        let value = instant.date.dayValue + "T" + CivilDate.pad(instant.hour, 2) + ":" + CivilDate.pad(instant.minute, 2) + ":"
            + CivilDate.pad(instant.second, 2)
        return Found(range: range, type: .time, value: value)
    }

    /// A weekday alone ("on Friday") takes its week from the tense.
    func weekday(at index: Int) -> Found? {
        guard let weekday = Lexicon.weekdays[words[index]] else { return nil }
        // "sat" and "sun" are also words; take them only as abbreviations before a date or time.
        if words[index] == "sat" || words[index] == "sun" || words[index] == "wed" { return nil }
        var next = index + 1
        if words[next] == "of" || words[next] == "," { next += 1 }
        if words[next] == "the" { next += 1 }
        let weekOffset: Int? = switch (words[next], words[next + 1]) {
        case ("next", "week"), ("following", "week"), ("coming", "week"): 1
        case ("last", "week"), ("previous", "week"), ("past", "week"): -1
        case ("this", "week"): 0
        default: nil
        }
        if let weekOffset, let date = anchor?.date {
            let day = date.monday.adding(days: 7 * weekOffset + weekday - 1)
            return Found(range: index..<(next + 2), type: .date, value: day.dayValue, isDay: true)
        }
        if words[index + 1] == "after", words[index + 2] == "next", let date = anchor?.date {
            // The one after the next one.
            let day = date.adding(days: (weekday - date.weekday + 6) % 7 + 1 + 7)
            return Found(range: index..<(index + 3), type: .date, value: day.dayValue, isDay: true)
        }
        let range = index..<(index + 1)
        return Found(range: range, type: .date, value: weekdayValue(weekday, modifier: 0, explicit: false, range: range), isDay: true)
    }

    /// The date of a weekday. With an explicit modifier: "this" is the one in the anchor's week,
    /// "next" the one in the following week, "last" the latest before the anchor. Without one, the
    /// tense decides (see `Direction`).
    func weekdayValue(_ weekday: Int, modifier: Int, explicit: Bool, range: Range<Int>) -> String {
        guard let date = anchor?.date else { return "XXXX-WXX-" + String(weekday) }
        let difference = weekday - date.weekday
        let days: Int
        if explicit {
            switch modifier {
            // "this Friday": the next one, today included.
            case 0: days = (difference + 7) % 7
            // "next Friday": the one in the following week.
            case 1...: days = difference + 7
            // "last Friday": the latest one before today.
            default: days = difference < 0 ? difference : difference - 7
            }
        } else {
            switch direction(range) {
            case .future: days = difference > 0 ? difference : difference + 7
            case .past: days = difference <= 0 ? difference : difference - 7
            case .none:
                let forward = (difference + 7) % 7
                days = forward > 3 ? forward - 7 : forward
            }
        }
        return date.adding(days: days).dayValue
    }

    static let theModifiers: Set<String> = ["following", "next", "coming", "previous", "current"]
}
