import SpindleCore

/// One recognized expression, on a token range, with its TIMEX3 type and value.
struct Found: Sendable {
    var range: Range<Int>
    var type: Timex.Kind
    var value: String
    var mod: String? = nil
    /// The value is one day (resolved or not) that a time of day can be added to.
    var isDay = false
    /// A time of day without a date: `value` is its TIMEX3 time part, `T15:00` or `TEV`.
    var isClock = false
    /// A day whose year was not written but taken from the anchor and the tense.
    var impliedYear = false
    /// "the next day", "the previous day": days from the day the narrative is on (the last day named
    /// before it in the document), else from the anchor.
    var fromPreviousDay: Int? = nil
    /// A weekday written alone ("on Friday"): it falls in the week named just before it in its sentence
    /// ("next week on Friday", "next week, preferably on Tuesday").
    var bareWeekday: Int? = nil
    /// A day counted from another ("two weeks from now", "3 weeks after Christmas"): a weekday written
    /// next to it names that weekday of its week.
    var counted = false
}

/// The rules that find temporal expressions in a document's tokens and normalize them.
///
/// Every rule is a function from a token index to the expression starting there, if any; `scan`
/// keeps the longest at each position and moves past it, so expressions never overlap. Rules read
/// lower-case keys (`Words`), so a token that starts no expression costs one set lookup.
struct Grammar {
    let words: Words
    let anchor: Anchor?
    /// Token ranges of the sentences, for the tense rule.
    let sentences: [Range<Int>]
    /// The direction when the tense gives none (`.none`: the occurrence nearest the anchor).
    var undetermined: Direction = .none
    /// The rules each token may start: one dictionary lookup per token, made once.
    let starts: [Rules]

    init(words: Words, anchor: Anchor?, sentences: [Range<Int>]) {
        self.words = words
        self.anchor = anchor
        self.sentences = sentences
        self.starts = words.keys.map(Self.rules(startingWith:))
    }

    /// Whether token `index` can begin an amount ("three", "a", "48", "several"): a guard for the
    /// amount rules that run at many positions.
    func mayBeAmount(_ index: Int) -> Bool { index >= 0 && index < starts.count && starts[index].contains(.amount) }

    func scan() -> [Found] {
        var found: [Found] = []
        var index = 0
        let count = words.count
        while index < count {
            guard !starts[index].isEmpty, worthTrying(index, starts), !isPlainCount(index),
                  var match = longest(at: index, rules: starts[index]) else {
                index += 1
                continue
            }
            if let days = match.fromPreviousDay, let previous = found.last(where: \.isDay),
               let date = Anchor(parsing: previous.value)?.date {
                match.value = date.adding(days: days).dayValue
            }
            if let weekday = match.bareWeekday, let week = found.last, week.range.lowerBound >= sentenceStart(of: match.range.lowerBound),
               let monday = Self.monday(ofWeek: week.value) {
                match.value = monday.adding(days: weekday - 1).dayValue
                // Written next to each other they are one expression: "next week Sunday", "last week - Monday".
                if ["on", ",", "-"].contains(words[week.range.upperBound]) && week.range.upperBound + 1 == match.range.lowerBound
                    || week.range.upperBound == match.range.lowerBound {
                    found.removeLast()
                    match.range = week.range.lowerBound..<match.range.upperBound
                }
            }
            // "Labor Day weekend", "Labor Day 2021 weekend", "Halloween weekend 2021".
            if match.isDay, words[match.range.upperBound] == "weekend", let value = Self.weekend(of: match) {
                var end = match.range.upperBound + 1
                if let year = yearNumber(at: end, strict: false), value.hasPrefix(String(year)) { end += 1 }
                match = Found(range: match.range.lowerBound..<end, type: .date, value: value)
            }
            // "next Tuesday +10 days", "2023-12-29 -10days", "now + 40 minutes": a signed offset from a day.
            if match.isDay || match.value == "PRESENT_REF", let anchor, let sign = words[match.range.upperBound].utf8.first,
               sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
               let day = match.isDay ? Anchor(parsing: match.value).map({ Anchor(date: $0.date) }) : anchor,
               let moved = signedShift(at: match.range.upperBound, from: day, day: nil) {
                match = Found(range: match.range.lowerBound..<moved.range.upperBound, type: moved.type, value: moved.value, isDay: moved.isDay)
            }
            match = attachTime(to: match)
            match = clockInPartOfDay(match)
            if match.isClock || match.type == .set { match = setWithClock(match) }
            if match.isClock { match = clockWithDate(match, previous: found) }
            if match.type == .duration, let moved = shiftedFromDay(match) { match = moved }
            if match.counted, match.isDay { match = weekdayOfCountedDay(match, previous: &found) }
            found.append(match)
            index = match.range.upperBound
        }
        return found
    }

    private func longest(at index: Int, rules: Rules) -> Found? {
        var best: Found?
        func consider(_ rule: Rules, _ match: @autoclosure () -> Found?) {
            guard rules.contains(rule), let candidate = match(), candidate.range.count > (best?.range.count ?? 0) else { return }
            best = candidate
        }
        consider(.explicitDate, explicitDate(at: index))
        consider(.year, year(at: index))
        consider(.relative, relative(at: index))
        consider(.weekday, weekday(at: index))
        consider(.partOfPeriod, partOfPeriod(at: index))
        consider(.clock, clockTime(at: index))
        consider(.duration, duration(at: index))
        consider(.set, set(at: index))
        consider(.holiday, holiday(at: index))
        consider(.season, season(at: index))
        consider(.reference, reference(at: index))
        consider(.weekOfYear, weekOfYear(at: index))
        return best
    }

    /// The direction the tense of the expression's sentence gives (see `Tense`).
    func direction(_ range: Range<Int>) -> Direction {
        var low = 0, high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        let sentence = low < sentences.count && sentences[low].contains(range.lowerBound)
            ? sentences[low] : 0..<words.count
        let found = Tense.direction(of: range, in: sentence, words: words)
        return found == .none ? undetermined : found
    }

    // MARK: Joining days and times of day

    /// "Tuesday evening", "tomorrow at 3 p.m.", "May 3, 10:30": a day followed by a time of day.
    private func attachTime(to day: Found) -> Found {
        guard day.isDay else { return day }
        var next = day.range.upperBound
        if Self.timeLinks.contains(words[next]) { next += 1 }
        if words[next] == "the" { next += 1 }
        let time: (code: String, end: Int)?
        if let clock = clock(at: next) {
            time = (clock.value, clock.end)
        } else if words[next - 1] == "at" || words[next - 1] == "around" || Self.bareHourDays.contains(words[day.range.upperBound - 1])
                    && next == day.range.upperBound && !(words[next + 1].first?.isLetter ?? false),
                  let (hour, end) = cardinal(at: next), hour >= 1, hour <= 12,
                  Lexicon.units[words[end]] == nil, !Self.startsWithDigit(words[end]) {
            // "Friday at 4": a bare hour after a day.
            time = ("T" + CivilDate.pad(hour, 2) + ":00", end)
        } else if let part = Lexicon.partsOfDay[words[next]] {
            time = ("T" + part, next + 1)
        } else if next == day.range.upperBound, let part = Self.meridiemParts[words[next]] {
            // "Tuesday PM".
            time = ("T" + part, next + 1)
        } else {
            time = nil
        }
        guard let time else { return day }
        // "Wed Oct 26 15:50:06 2016": the year may follow the time.
        if day.impliedYear, let year = yearNumber(at: time.end, strict: false), let date = Anchor(parsing: day.value)?.date,
           let moved = CivilDate.valid(year, date.month, date.day) {
            return Found(range: day.range.lowerBound..<(time.end + 1), type: .time, value: moved.dayValue + time.code)
        }
        return Found(range: day.range.lowerBound..<time.end, type: .time, value: day.value + time.code)
    }

    /// A time of day takes the day written after it ("3 p.m. on Friday"), else the last day named
    /// earlier in its sentence, else the anchor's day.
    private func clockWithDate(_ clock: Found, previous: [Found]) -> Found {
        var next = clock.range.upperBound
        if ["on", ",", "∙", "·", "|"].contains(words[next]) { next += 1 }
        if let day = [explicitDate(at: next), weekday(at: next), relative(at: next)].compactMap({ $0 })
            .filter(\.isDay).max(by: { $0.range.count < $1.range.count }) {
            return Found(range: clock.range.lowerBound..<day.range.upperBound, type: .time, value: day.value + clock.value)
        }
        // "8pm on 15": a day of the month alone after "on", where no word follows it.
        if words[next - 1] == "on", let day = dayOfMonth(at: next), !(words[day.end].first?.isLetter ?? false), words[day.end] != "%" {
            return Found(range: clock.range.lowerBound..<day.end, type: .time,
                         value: monthWith(day: day.day, weekday: nil, range: clock.range.lowerBound..<day.end) + clock.value)
        }
        let sentenceStart = sentenceStart(of: clock.range.lowerBound)
        if let last = previous.last, last.range.lowerBound >= sentenceStart, last.isDay {
            return Found(range: clock.range, type: .time, value: last.value + clock.value)
        }
        guard let anchor else { return Found(range: clock.range, type: .time, value: "XXXX-XX-XX" + clock.value) }
        // With a reference time, a clock time earlier than it points to the next day when the
        // expression points forward ("at 3 a.m." said at 4:30 a.m.), to the same day otherwise.
        var day = anchor.date
        // "at midnight" is the one that ends the day, unless the sentence looks back.
        if clock.value == "T00:00", words[clock.range.upperBound - 1] == "midnight", (anchor.hour ?? 0) + (anchor.minute ?? 0) > 0,
           direction(clock.range) != .past {
            day = day.adding(days: 1)
        } else if let hour = anchor.hour, let minute = anchor.minute, direction(clock.range) == .future,
           let clockHour = Self.integer(String(clock.value.dropFirst().prefix(2))),
           let clockMinute = Self.integer(String(clock.value.dropFirst(4).prefix(2))),
           clockHour * 60 + clockMinute < hour * 60 + minute,
           // The hour still running is not past: "at 4:23" said at 4:30 is minutes ago, not tomorrow.
           clockHour != hour {
            // On a 12-hour dial "3:30" said at 4:30 a.m. comes round again at 15:30 the same day.
            if clockHour >= 1, clockHour < 12, (clockHour + 12) * 60 + clockMinute >= hour * 60 + minute,
               onTwelveHourDial(clock.range) {
                let value = "T" + CivilDate.pad(clockHour + 12, 2) + String(clock.value.dropFirst(3))
                return Found(range: clock.range, type: .time, value: day.dayValue + value)
            }
            day = day.adding(days: 1)
        }
        return Found(range: clock.range, type: .time, value: day.dayValue + clock.value)
    }

    /// Whether a clock time leaves morning and afternoon open: no a.m./p.m., part of the day or zone,
    /// and not written the 24-hour way ("03:30", "15:30").
    private func onTwelveHourDial(_ range: Range<Int>) -> Bool {
        let first = words[range.lowerBound]
        // "03:30" and "3h18" are written the 24-hour way.
        if first.utf8.first == UInt8(ascii: "0") || Self.startsWithDigit(first) && first.utf8.contains(UInt8(ascii: "h")) { return false }
        for index in range {
            let key = words[index]
            if Self.meridiems.contains(key) || Lexicon.partsOfDay[key] != nil || Self.zones.contains(key)
                || ["tonight", "tonite", "night", "a", "p", "m", "noon", "midnight"].contains(key) { return false }
            let bytes = key.utf8
            if let last = bytes.last, last == UInt8(ascii: "m") || last == UInt8(ascii: "a") || last == UInt8(ascii: "p"),
               bytes.count > 1, bytes.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { return false }
        }
        return true
    }

    /// "tonight at 8", "this afternoon at 3", "tomorrow morning at 7:30": a part of a day and then a
    /// time, read in that part ("at 3" in the afternoon is 15:00).
    private func clockInPartOfDay(_ found: Found) -> Found {
        guard found.type == .time, found.value.count >= 3, let t = found.value.lastIndex(of: "T"),
              found.value.distance(from: t, to: found.value.endIndex) == 3,
              found.value[found.value.index(after: t)...].allSatisfy(\.isLetter) else { return found }
        let part = String(found.value[found.value.index(after: t)...])
        var next = found.range.upperBound
        if ["at", "around", "about", ",", "@"].contains(words[next]) { next += 1 }
        let time: (hour: Int, rest: String, end: Int)
        if let clock = clock(at: next), let hour = Self.integer(String(clock.value.dropFirst().prefix(2))) {
            time = (hour, String(clock.value.dropFirst(3)), clock.end)
        } else if let (hour, end) = cardinal(at: next), hour >= 1, hour <= 12, Lexicon.units[words[end]] == nil {
            time = (hour, ":00", end)
        } else {
            return found
        }
        let hour = Self.hour(time.hour, in: part)
        let value = String(found.value[..<t]) + "T" + CivilDate.pad(hour, 2) + time.rest
        return Found(range: found.range.lowerBound..<time.end, type: .time, value: value)
    }

    /// "Thursdays at 5:30 p.m.", "9am every Sunday", "every Monday at 9": a set and a time of day.
    private func setWithClock(_ found: Found) -> Found {
        // "every night at 9", "on mornings at 9": the hour read in that part of the day.
        if found.type == .set, found.value.hasPrefix("XXXX-XX-XXT"), found.value.count == 13, words[found.range.upperBound] == "at" {
            let part = String(found.value.suffix(2))
            let next = found.range.upperBound + 1
            let time: (hour: Int, rest: String, end: Int)?
            if let clock = clock(at: next), let hour = Self.integer(String(clock.value.dropFirst().prefix(2))) {
                time = (hour, String(clock.value.dropFirst(3)), clock.end)
            } else if let (hour, end) = cardinal(at: next), hour >= 1, hour <= 12, Lexicon.units[words[end]] == nil {
                time = (hour, ":00", end)
            } else {
                time = nil
            }
            guard let time else { return found }
            return Found(range: found.range.lowerBound..<time.end, type: .set,
                         value: "XXXX-XX-XXT" + CivilDate.pad(Self.hour(time.hour, in: part), 2) + time.rest)
        }
        if found.type == .set, !found.value.contains("T"), found.value.hasPrefix("XXXX") {
            var next = found.range.upperBound
            if words[next] == "at" { next += 1 }
            guard let clock = clock(at: next) else { return found }
            return Found(range: found.range.lowerBound..<clock.end, type: .set, value: found.value + clock.value)
        }
        guard found.isClock else { return found }
        var next = found.range.upperBound
        if words[next] == "on" { next += 1 }
        guard let set = set(at: next), set.value.hasPrefix("XXXX"), !set.value.contains("T") else { return found }
        return Found(range: found.range.lowerBound..<set.range.upperBound, type: .set, value: set.value + found.value)
    }

    /// "three days after January 12", "2 weeks before Christmas", "4 months from tomorrow": a
    /// duration counted from a day.
    private func shiftedFromDay(_ duration: Found) -> Found? {
        let next = duration.range.upperBound
        let sign: Int
        switch words[next] {
        case "after", "from": sign = 1
        case "before": sign = -1
        default: return nil
        }
        guard let day = [explicitDate(at: next + 1), relative(at: next + 1), holiday(at: next + 1), weekday(at: next + 1)]
            .compactMap({ $0 }).filter(\.isDay).max(by: { $0.range.count < $1.range.count }),
              let date = Anchor(parsing: day.value)?.date,
              let compound = compoundAmount(at: duration.range.lowerBound, glued: true), compound.end == next,
              compound.parts.allSatisfy({ $0.amount.value != nil }) else { return nil }
        return shift(compound.parts, sign: sign, range: duration.range.lowerBound..<day.range.upperBound, from: anchor ?? Anchor(date: date),
                     day: date)
    }

    /// "Monday two weeks from now", "Thursday, two years from now", "3 weeks after Christmas on
    /// Friday": the weekday in the (ISO) week of the counted day.
    private func weekdayOfCountedDay(_ day: Found, previous found: inout [Found]) -> Found {
        guard let date = Anchor(parsing: day.value)?.date else { return day }
        if let last = found.last, let weekday = last.bareWeekday, last.range.count == 1,
           last.range.upperBound == day.range.lowerBound || last.range.upperBound + 1 == day.range.lowerBound
            && words[last.range.upperBound] == "," {
            found.removeLast()
            return Found(range: last.range.lowerBound..<day.range.upperBound, type: .date,
                         value: date.monday.adding(days: weekday - 1).dayValue, isDay: true)
        }
        if words[day.range.upperBound] == "on", let weekday = Lexicon.weekdays[words[day.range.upperBound + 1]] {
            return Found(range: day.range.lowerBound..<(day.range.upperBound + 2), type: .date,
                         value: date.monday.adding(days: weekday - 1).dayValue, isDay: true)
        }
        return day
    }

    /// The Monday of an ISO week value (`2016-W46`).
    static func monday(ofWeek value: String) -> CivilDate? {
        let bytes = Array(value.utf8)
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
              let year = integer(String(value.prefix(4))), let week = integer(String(value.suffix(2))), week >= 1 else { return nil }
        return CivilDate(year, 1, 4).monday.adding(days: 7 * (week - 1))
    }

    func sentenceStart(of token: Int) -> Int {
        sentences.last { $0.lowerBound <= token }?.lowerBound ?? 0
    }

    /// A number of one to three digits followed by a word that cannot continue a date, time or amount
    /// ("62 percent", "54 people") starts nothing: most numbers in news are counts.
    private func isPlainCount(_ index: Int) -> Bool {
        let key = words.keys[index]
        // Four digits may be a year; "99.9", "1,500" (one decimal point at most) are amounts.
        guard Self.allDigits(key) ? key.utf8.count < 4 : Self.isDecimalOrGrouped(key), !Self.clockLeads.contains(words[index - 1])
        else { return false }
        let next = index + 1
        return next >= starts.count || starts[next].isEmpty && !Self.digitFollowers.contains(words.keys[next])
    }

    /// "99.9", "1,500", "2,400.5": digits with thousands commas and at most one decimal point, which
    /// no date is written as ("05.31.2024" has two points).
    static func isDecimalOrGrouped(_ key: String) -> Bool {
        var points = 0, digits = 0
        var last: UInt8 = 0
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: ","): break
            default: return false
            }
            last = byte
        }
        guard let first = key.utf8.first else { return false }
        return points <= 1 && digits > 0 && first != UInt8(ascii: ".") && first != UInt8(ascii: ",")
            && last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9")
    }

    /// Words after a number that can continue a temporal expression without starting one themselves.
    static let digitFollowers: Set<String> = [
        "-", "/", ":", ".", ",", "times", "o'clock", "oclock", "o", "a.m", "am", "p.m", "pm", "a", "p", "h", "to", "past", "after",
        "before", "till", "til", "and", "or", "more", "full", "straight", "consecutive", "long", "whole", "additional", "extra",
        "upcoming", "gmt", "utc", "est", "edt", "et", "pst", "pdt", "pt", "cst", "cdt", "ct", "mst", "mdt", "bst", "cet", "cest",
        "ist", "jst", "aest", "z", "hours", "hrs", "minutes", "mins", "'", "\"", "bc", "b.c", "bce", "b.c.e", "ad", "a.d", "ce", "c.e",
    ]

    /// Function words ("the", "in", "a") start expressions only before a word that can: this skips
    /// the rules for almost every "the" in a text.
    private func worthTrying(_ index: Int, _ starts: [Rules]) -> Bool {
        var next = index
        while next < index + 3, next < starts.count, starts[next].contains(.weak) { next += 1 }
        return next == index || next < starts.count && !starts[next].isEmpty && !starts[next].contains(.weak)
    }

    /// Words between a day and its time of day: "Friday at 3", "May 3, 10:30".
    static let timeLinks: Set<String> = ["at", ",", "around", "about", "by", "from", "in"]
    /// Days a bare hour may follow directly at the end of a phrase ("tomorrow three", "tmr 3").
    static let bareHourDays: Set<String> = ["tomorrow", "tmr", "tmrw", "today", "tonight"]
    static let meridiemParts: [String: String] = ["am": "MO", "a.m": "MO", "pm": "AF", "p.m": "AF"]
}
