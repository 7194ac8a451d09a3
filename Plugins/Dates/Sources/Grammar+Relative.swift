/// Expressions resolved against the anchor: "yesterday", "last week", "next month", "two days ago",
/// "in three weeks", "on Friday", "this morning".
extension Grammar {
    func relative(at index: Int) -> Found? {
        let key = words[index]
        switch key {
        case "today": return day(index..<(index + 1), offset: 0)
        case "tomorrow", "tmrw", "tmr": return day(index..<(index + 1), offset: 1)
        case "yesterday": return day(index..<(index + 1), offset: -1)
        case "this": if let found = thisDay(at: index) { return found }
        case "tonight", "tonite":
            let today = day(index..<(index + 1), offset: 0)
            return Found(range: today.range, type: .time, value: today.value + "TNI")
        default: break
        }
        if key == "the" || key == "in", let found = partOfDayOf(at: index) { return found }
        // "the day before yesterday", "the day after tomorrow".
        let dayStart = key == "the" ? index + 1 : index
        if words[dayStart] == "day", words[dayStart + 1] == "before" || words[dayStart + 1] == "after" {
            let offset = words[dayStart + 1] == "before" ? -1 : 1
            let base = words[dayStart + 2] == "yesterday" ? -1 : (["tomorrow", "tmrw", "tmr"].contains(words[dayStart + 2]) ? 1 : nil)
            if let base { return day(index..<(dayStart + 3), offset: base + offset) }
        }
        // "in four business days", "3 working days ago": the count's next word is checked by one byte first.
        if Self.mayBeBusiness(words[index + 1]) || Self.mayBeBusiness(words[index + 2]) || Self.mayBeBusiness(words[index + 3]),
           let found = businessDays(at: index) {
            return found
        }
        if let next = dayAfterOrBefore(at: index) { return next }
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

    /// "the next day", "the following day", "the previous day", "the day after", "the day before
    /// Easter": a day counted from the day the text is on (TIMEX3 anchors these on the narrative's
    /// last date; `scan` moves them there), or from the day named after it.
    private func dayAfterOrBefore(at index: Int) -> Found? {
        // Only "the ..." and "next day": one byte rules out the digits this rule is mostly tried on.
        guard let lead = words[index].utf8.first, lead == UInt8(ascii: "t") || lead == UInt8(ascii: "n") else { return nil }
        let start = words[index] == "the" ? index + 1 : index
        guard words[start + 1] == "day" || words[start] == "day" else { return nil }
        let offset: Int
        var end: Int
        let before: Int? = switch words[start] {
        case "next", "following": 1
        case "previous", "preceding": -1
        default: nil
        }
        if words[start + 1] == "day", let shift = before, words[index] == "the" || words[start] == "next" {
            offset = shift; end = start + 2
        } else if words[index] == "the", words[start] == "day", words[start + 1] == "after" || words[start + 1] == "before" {
            let shift = words[start + 1] == "after" ? 1 : -1
            offset = shift; end = start + 2
            let next = [explicitDate(at: end), holiday(at: end), weekday(at: end)].compactMap { $0 }.filter(\.isDay)
                .max { $0.range.count < $1.range.count }
            if let next, let date = Anchor(parsing: next.value)?.date {
                return Found(range: index..<next.range.upperBound, type: .date, value: date.adding(days: shift).dayValue, isDay: true)
            }
            // "the day after the election" counts from an event, not a date.
            if let following = words[end].first, following.isLetter, !["and", "at", "in", "on", "or", "but"].contains(words[end]) {
                return nil
            }
        } else {
            return nil
        }
        var found = day(index..<end, offset: offset)
        found.fromPreviousDay = offset
        return found
    }

    /// "the morning of May 3", "in the evening of this Tuesday": that part of the day named after "of".
    private func partOfDayOf(at index: Int) -> Found? {
        let article = words[index] == "in" ? index + 1 : index
        guard words[article] == "the", let part = Lexicon.partsOfDay[words[article + 1]], words[article + 2] == "of" else { return nil }
        let at = article + 3
        guard let day = [explicitDate(at: at), weekday(at: at), relative(at: at), holiday(at: at)].compactMap({ $0 })
            .filter(\.isDay).max(by: { $0.range.count < $1.range.count }) else { return nil }
        return Found(range: index..<day.range.upperBound, type: .time, value: day.value + "T" + part)
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
        // "the week after next", "the month after the next", "the weekend after the next".
        if words[start] == "the", let unit = Self.periodWords[words[start + 1]], words[start + 2] == "after" {
            let article = words[start + 3] == "the" ? 1 : 0
            if words[start + 3 + article] == "next", let value = period(unit, offset: 2) {
                return Found(range: index..<(start + 4 + article), type: .date, value: value)
            }
        }
        // "the weekend of Halloween", "weekend of Thanksgiving 2023": the weekend next to that day.
        if words[start] == "the" || words[start] == "weekend", words[start] == "weekend" || words[start + 1] == "weekend",
           words[start + (words[start] == "weekend" ? 1 : 2)] == "of" {
            let at = start + (words[start] == "weekend" ? 2 : 3)
            if let day = [holiday(at: at), explicitDate(at: at)].compactMap({ $0 }).filter(\.isDay).max(by: { $0.range.count < $1.range.count }),
               let value = Self.weekend(of: day) {
                return Found(range: index..<day.range.upperBound, type: .date, value: value)
            }
        }
        // "the weekend", "over the weekend": the anchor's.
        if words[start] == "the" || words[start] == "weekend", words[start] == "weekend" || words[start + 1] == "weekend",
           let value = period("weekend", offset: 0) {
            return Found(range: index..<(words[start] == "weekend" ? start + 1 : start + 2), type: .date, value: value)
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
        // "last fiscal year": TIMEX3 (TimeBank) writes fiscal years FY2018.
        if words[target] == "fiscal", words[target + 1] == "year" || words[target + 1] == "yr" {
            guard let anchor else { return Found(range: index..<(target + 2), type: .date, value: "FYXXXX") }
            return Found(range: index..<(target + 2), type: .date, value: "FY" + CivilDate.pad(anchor.date.year + offset, 4))
        }
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
        if let part = Lexicon.partsOfDay[key], words[start] != "next" || words[index] != "the" {
            // "last night" is yesterday's, "this morning" today's, "next morning" tomorrow's ("the next
            // morning" is anaphoric: left out).
            return Found(range: range, type: .time, value: day(range, offset: offset < 0 ? -1 : (words[start] == "next" ? 1 : 0)).value + "T" + part)
        }
        if let unit = Self.periodWords[key], let value = period(unit, offset: offset) {
            return Found(range: range, type: .date, value: value)
        }
        // "next hour", "this hour": an hour of the reference time's day.
        if key == "hour", let anchor, anchor.hour != nil {
            let moved = anchor.adding(seconds: 3600 * offset)
            return Found(range: range, type: .time, value: moved.date.dayValue + "T" + CivilDate.pad(moved.hour, 2))
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
            case "day": return "XXXX-XX-XX"
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
        case "day": return date.adding(days: offset).dayValue
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
        if let signed = signedShift(at: index, from: anchor, day: nil) { return signed }
        var start = index
        let leadingIn = words[index] == "in"
        // "the longest in six years", "the first time in a decade": a span back from now, left to the
        // duration rule.
        let before = words[index - 1]
        if leadingIn, before.hasSuffix("est") || ["first", "time", "once", "only", "most", "least"].contains(before) { return nil }
        if leadingIn {
            start += 1
            // "in about five hours", "in ~5 hours": the hedge does not change the value.
            if Self.hedges.contains(words[start]) { start += 1 }
            if words[start] == "~" { start += 1 }
        }
        // "in less than an hour": before the point an hour on (TIMEX3 `mod` BEFORE), "in more than" after it.
        var mod: String?
        if leadingIn, words[start] == "less" || words[start] == "more", words[start + 1] == "than" {
            mod = words[start] == "less" ? "BEFORE" : "AFTER"
            start += 2
        }
        guard let amount = compoundAmount(at: start, glued: true) else { return nil }
        var end = amount.end
        var sign = 0
        if leadingIn {
            sign = 1
        } else {
            switch words[end] {
            // "after" and "before" take a day after them ("three days after Easter"): `scan` handles them.
            case "ago", "earlier", "back": sign = -1; end += 1
            // "30 minutes later this week": "later this week" is a period of its own.
            case "later" where ["this", "next", "that", "today", "tonight", "in"].contains(words[end + 1]): return nil
            case "later", "hence": sign = 1; end += 1
            case "from":
                // "10 minutes from now", "a day from right now".
                if words[end + 1] == "right", words[end + 2] == "now" { end += 1 }
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
        var found = shift(amount.parts, sign: sign, range: range, from: anchor, day: nil)
        found.mod = mod
        return found
    }

    /// "+15 minutes", "+1 day 2 hours", "-3y", "- 2hr5min": a signed offset from the anchor (or from
    /// `day`), the notation of calendars and logs.
    func signedShift(at index: Int, from anchor: Anchor?, day: CivilDate?) -> Found? {
        let key = words[index]
        // Without an anchor an offset says nothing.
        guard anchor != nil, let lead = key.utf8.first, lead == UInt8(ascii: "+") || lead == UInt8(ascii: "-") else { return nil }
        let sign: Int
        var parts: [(amount: Amount, unit: Lexicon.Unit)] = []
        var end: Int
        if key == "+" || key == "-" {
            sign = key == "+" ? 1 : -1
            guard Self.startsWithDigit(words[index + 1]), let amount = compoundAmount(at: index + 1, glued: true) else { return nil }
            parts = amount.parts
            end = amount.end
        } else if key.utf8.first == UInt8(ascii: "+"), key.utf8.count > 1 {
            sign = 1
            if let glued = gluedParts(at: index, loose: true) {
                parts = glued
                end = index + 1
            } else if let value = Self.integer(String(key.dropFirst()), maxLength: 4),
                      let unit = Lexicon.units[words[index + 1]]?.0 ?? Self.gluedUnits[words[index + 1]]
                        ?? ["m": Lexicon.minute, "s": Lexicon.second][words[index + 1]] {
                // "+15 minutes": the tokenizer keeps the sign on the number.
                parts = [(Amount(text: String(value), value: Double(value), end: index + 1), unit)]
                end = index + 2
            } else {
                return nil
            }
            var next = end
            if words[next] == "," { next += 1 }
            if let more = compoundAmount(at: next, glued: true), more.parts.allSatisfy({ $0.amount.value != nil }),
               Self.rankOf(more.parts[0].unit) < Self.rankOf(parts[parts.count - 1].unit) {
                parts += more.parts
                end = more.end
            }
        } else {
            return nil
        }
        guard parts.allSatisfy({ $0.amount.value != nil }) else { return nil }
        return shift(parts, sign: sign, range: index..<end, from: anchor, day: day)
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
            case "D", "W", "WE":
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
            var found = Found(range: range, type: .date, value: date.dayValue, isDay: true)
            found.counted = true
            return found
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
        // "Wednesday evening next week".
        let part = Lexicon.partsOfDay[words[next]]
        if part != nil { next += 1 }
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
            if let part { return Found(range: index..<(next + 2), type: .time, value: day.dayValue + "T" + part) }
            return Found(range: index..<(next + 2), type: .date, value: day.dayValue, isDay: true)
        }
        if words[index + 1] == "after", words[index + 2] == "next", let date = anchor?.date {
            // The one after the next one.
            let day = date.adding(days: (weekday - date.weekday + 6) % 7 + 1 + 7)
            return Found(range: index..<(index + 3), type: .date, value: day.dayValue, isDay: true)
        }
        let range = index..<(index + 1)
        var found = Found(range: range, type: .date, value: weekdayValue(weekday, modifier: 0, explicit: false, range: range), isDay: true)
        found.bareWeekday = weekday
        return found
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

    /// The weekend next to a day: the one before a Monday holiday ("Labor Day weekend"), else the one
    /// of its week.
    static func weekend(of day: Found) -> String? {
        guard let date = Anchor(parsing: day.value)?.date else { return nil }
        return date.adding(days: -1).weekValue + "-WE"
    }

    static let hedges: Set<String> = ["about", "around", "approximately", "roughly", "nearly", "almost", "just"]

    static let theModifiers: Set<String> = ["following", "next", "coming", "previous", "current"]
}
