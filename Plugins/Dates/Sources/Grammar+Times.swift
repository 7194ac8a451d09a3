/// Times of day: "3 p.m.", "3pm", "15:30", "9:30 a.m. EST", "noon", "seven o'clock", "1500 GMT".
extension Grammar {
    static let zones: Set<String> = [
        "gmt", "utc", "est", "edt", "et", "pst", "pdt", "pt", "cst", "cdt", "ct", "mst", "mdt", "mt", "bst", "cet",
        "cest", "ist", "jst", "aest", "z",
    ]

    /// A time of day as a TIMEX3 time part (`T15:00`) and the token after it.
    func clock(at index: Int) -> (value: String, end: Int)? {
        let key = words[index]
        switch key {
        case "noon", "midday", "mid-day", "noonish": return ("T12:00", index + 1)
        case "midnight", "mid-night": return ("T00:00", index + 1)
        case "midmorning", "mid-morning": return ("T10:00", index + 1)
        case "midafternoon", "mid-afternoon": return ("T14:00", index + 1)
        case "mid" where words[index + 1] == "morning": return ("T10:00", index + 2)
        case "mid" where words[index + 1] == "afternoon": return ("T14:00", index + 2)
        case "mid" where words[index + 1] == "night": return ("T00:00", index + 2)
        case "mid" where words[index + 1] == "day": return ("T12:00", index + 2)
        default: break
        }
        guard let parts = clockParts(at: index) else { return nil }
        var (hour, end, marked) = (parts.0, parts.3, parts.4)
        let (minute, second) = (parts.1, parts.2)
        // "a.m." / "p.m." / "o'clock" written apart, in either order ("3 o'clock pm").
        for _ in 0..<2 {
            switch words[end] {
            case "a.m", "am": hour = hour == 12 ? 0 : hour; marked = true; end += 1
            case "p.m", "pm": hour = hour < 12 ? hour + 12 : hour; marked = true; end += 1
            case "o'clock", "oclock": marked = true; end += 1
            case "o" where words[end + 1] == "clock": marked = true; end += 2
            case "a" where words[end + 1] == "m": hour = hour == 12 ? 0 : hour; marked = true; end += 2
            case "p" where words[end + 1] == "m": hour = hour < 12 ? hour + 12 : hour; marked = true; end += 2
            // "3 p . m ." with spaces.
            case "p" where words[end + 1] == "." && words[end + 2] == "m":
                hour = hour < 12 ? hour + 12 : hour; marked = true; end += words[end + 3] == "." ? 4 : 3
            case "a" where words[end + 1] == "." && words[end + 2] == "m":
                hour = hour == 12 ? 0 : hour; marked = true; end += words[end + 3] == "." ? 4 : 3
            default: break
            }
        }
        // "7 in the morning", "10 at night", "11 tonight": a part of day fixes a bare hour.
        var part: String?
        if words[end] == "in", words[end + 1] == "the", let code = Lexicon.partsOfDay[words[end + 2]] {
            part = code; end += 3
        } else if words[end] == "in", let code = Lexicon.partsOfDay[words[end + 1]] {
            part = code; end += 2
        } else if words[end] == "at", words[end + 1] == "night" {
            part = "NI"; end += 2
        } else if words[end] == "tonight" || words[end] == "tonite" {
            part = "NI"; end += 1
        }
        if let part {
            hour = Self.hour(hour, in: part)
            marked = true
        }
        if Self.zones.contains(words[end]) { marked = true; end += 1 }
        // A bare number is a time only with a mark ("3 p.m.", "15:30", "seven o'clock").
        guard marked, hour < 24, minute < 60 else { return nil }
        var value = "T" + CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minute, 2)
        if let second { value += ":" + CivilDate.pad(second, 2) }
        return (value, end)
    }

    /// A bare hour read in a part of the day: "3 in the afternoon" is 15:00, "1 at night" 01:00,
    /// "10 at night" 22:00.
    static func hour(_ hour: Int, in part: String) -> Int {
        switch part {
        case "AF", "EV": hour < 12 ? hour + 12 : hour
        case "NI": hour >= 6 && hour < 12 ? hour + 12 : (hour == 12 ? 0 : hour)
        default: hour == 12 ? 0 : hour
        }
    }

    /// Hour, minute and second of one token ("15:30", "9:30:15", "3pm", "10.30pm", "1500" before a
    /// zone) or of a number word ("seven"); `marked` says whether the token alone shows it is a time.
    private func clockParts(at index: Int) -> (Int, Int, Int?, Int, Bool)? {
        guard Self.startsWithDigit(words[index]) || Lexicon.cardinals[words[index]] != nil || words[index].hasSuffix("ish") else { return nil }
        var key = Substring(words[index])
        var marked = false
        // "11ish", "11-ish": about eleven.
        if key.hasSuffix("ish"), key.count > 3 { key = key.dropLast(key.hasSuffix("-ish") ? 4 : 3); marked = true }
        var marker: String?
        for suffix in ["a.m", "p.m", "am", "pm", "a", "p"] where key.hasSuffix(suffix) && key.count > suffix.count {
            guard suffix.count > 1 || key.dropLast().last?.isNumber == true else { continue }
            marker = suffix
            key = key.dropLast(suffix.count)
            break
        }
        var hour: Int, minute = 0, second: Int?
        // "15h00", "15h", "3h18": hours marked with h (European style).
        if marker == nil, let h = key.firstIndex(of: "h"), let hours = Self.integer(String(key[..<h]), maxLength: 2),
           key[key.index(after: h)...].isEmpty || Self.integer(String(key[key.index(after: h)...]), maxLength: 2) != nil {
            let rest = key[key.index(after: h)...]
            // "1h" alone is an hour long; "15h", "at 9h" and "3h18" are times.
            guard rest.count == 2 || rest.isEmpty && (hours > 12 || words[index - 1] == "at") else { return nil }
            let minutes = Self.integer(String(rest)) ?? 0
            return (hours, minutes, nil, index + 1, true)
        }
        let markerFollows = Self.meridiems.contains(words[index + 1])
        if key.hasSuffix("."), marker != nil { key = key.dropLast() }
        let hasColon = key.utf8.contains(0x3A)
        // "at 2.30" is a time; "at 6.45 percent" is not.
        let dottedAfterAt = words[index - 1] == "at" && !["percent", "%", "per", "points", "pct"].contains(words[index + 1])
        if hasColon || ((marker != nil || markerFollows || dottedAfterAt) && key.utf8.contains(0x2E)) {
            let parts = key.split(separator: hasColon ? ":" : ".", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, parts[0].count <= 2, parts[1].count == 2,
                  let h = Self.integer(String(parts[0])), let m = Self.integer(String(parts[1])) else { return nil }
            hour = h; minute = m
            if parts.count == 3 {
                guard parts[2].count == 2, let s = Self.integer(String(parts[2])) else { return nil }
                second = s
            }
            marked = true
        } else if let value = Self.integer(String(key), maxLength: 4) {
            let afterAt = Self.clockLeads.contains(words[index - 1])
            if key.count == 3 || key.count == 4, marker == nil, !markerFollows, afterAt, value % 100 < 60, value / 100 < 24 {
                // "at 1030", "around 730": hours and minutes without a colon after "at".
                hour = value / 100; minute = value % 100; marked = true
            } else if key.count == 4, marker == nil, !markerFollows {
                // "1500 GMT", "0900 hours": military time needs the zone or "hours" after it.
                guard Self.zones.contains(words[index + 1]) || words[index + 1] == "hours" || words[index + 1] == "hrs" else {
                    return nil
                }
                hour = value / 100; minute = value % 100; marked = true
                if words[index + 1] == "hours" || words[index + 1] == "hrs" { return (hour, minute, nil, index + 2, true) }
            } else if key.count >= 3, marker != nil || markerFollows {
                // "330 p.m.", "1140am".
                hour = value / 100; minute = value % 100
            } else {
                guard key.count <= 2 else { return nil }
                hour = value
            }
        } else if marker == nil, let value = Self.wordNumber(String(key)), value <= 12 || value < 24 && Self.wordNumber(words[index + 1]) ?? 0 >= 10 {
            // ("fifteen thirty": a 24-hour time in words.)
            hour = value
            // "seven thirty", "ten forty five", "twelve oh three": an hour and minutes in words read
            // as a time.
            // "ten-thirty" and "twelve-oh-three" reach here split at their hyphens.
            var next = index + 1
            if words[next] == "-" { next += 1 }
            if words[next] == "oh" || words[next] == "o" || words[next] == "zero" {
                let ones = words[next + 1] == "-" ? next + 2 : next + 1
                if let value = Lexicon.cardinals[words[ones]], value < 10 { return (hour, value, nil, ones + 1, true) }
            }
            if Self.integer(words[next]) == nil, let (minutes, end) = cardinal(at: next), minutes >= 10, minutes < 60 {
                return (hour, minutes, nil, end, true)
            }
        } else {
            return nil
        }
        if let marker {
            marked = true
            if marker.hasPrefix("p"), hour < 12 { hour += 12 }
            if marker.hasPrefix("a"), hour == 12 { hour = 0 }
        }
        return (hour, minute, second, index + 1, marked)
    }

    /// "quarter past three", "half past 9", "20 to 5", "15 minutes past 3pm": minutes before or after
    /// an hour.
    func minutesPastHour(at index: Int) -> (value: String, end: Int)? {
        var minutes: Int
        var next: Int
        // Bare numbers ("two to four") read as a time only after "at" or with "minutes".
        var named = ["at", "around", "about", "@"].contains(words[index - 1])
        switch words[index] {
        case "quarter": minutes = 15; next = index + 1; named = true
        case "three" where words[index + 1] == "quarters": minutes = 45; next = index + 2; named = true
        case "half": minutes = 30; next = index + 1; named = true
        case "a" where words[index + 1] == "quarter": minutes = 15; next = index + 2; named = true
        default:
            guard let (value, end) = cardinal(at: index), value > 0, value < 60 else { return nil }
            minutes = value; next = end
            if ["minutes", "minute", "mins", "min"].contains(words[next]) { next += 1; named = true }
        }
        let sign: Int
        switch words[next] {
        case "past", "after": sign = 1
        case "to", "before", "till", "til": sign = -1
        default: return nil
        }
        next += 1
        let base: Int, end: Int
        if let clock = clock(at: next), let hour = Self.integer(String(clock.value.dropFirst().prefix(2))) {
            base = hour * 60 + (Self.integer(String(clock.value.dropFirst(4).prefix(2))) ?? 0); end = clock.end
        } else if named, let (value, after) = cardinal(at: next), value <= 24 {
            base = value * 60; end = after
        } else {
            return nil
        }
        let total = (base + sign * minutes + 1440) % 1440
        return ("T" + CivilDate.pad(total / 60, 2) + ":" + CivilDate.pad(total % 60, 2), end)
    }

    /// A time of day on its own; `scan` attaches it to a day.
    func clockTime(at index: Int) -> Found? {
        var start = index
        if words[index] == "at" || words[index] == "around" || words[index] == "@" { start += 1 }
        if let found = hourBeforeDay(at: start, from: index) { return found }
        // "afternoon at 7", "in the night five thirty": a part of the day, then the hour in it.
        let partStart = words[index] == "in" ? (words[index + 1] == "the" ? index + 2 : index + 1) : index
        if let part = Lexicon.partsOfDay[words[partStart]] {
            var next = partStart + 1
            if words[next] == "at" { next += 1 }
            if let clock = clock(at: next), let hour = Self.integer(String(clock.value.dropFirst().prefix(2))) {
                return Found(range: index..<clock.end, type: .time,
                             value: "T" + CivilDate.pad(Self.hour(hour, in: part), 2) + clock.value.dropFirst(3), isClock: true)
            }
            if words[next - 1] == "at", let (hour, end) = cardinal(at: next), hour >= 1, hour <= 12 {
                return Found(range: index..<end, type: .time, value: "T" + CivilDate.pad(Self.hour(hour, in: part), 2) + ":00",
                             isClock: true)
            }
        }
        // "in the evening", "in morning", "during the morning" ("this evening" is handled with the days).
        if words[index] == "during" || words[index] == "throughout", words[index + 1] == "the", let part = Lexicon.partsOfDay[words[index + 2]] {
            return Found(range: index..<(index + 3), type: .time, value: "T" + part, isClock: true)
        }
        // "one morning", "1 evening": a part of some day, left open.
        // ("for one night" is a length of stay: the duration rule reads it.)
        if words[index] == "one" || words[index] == "1", let part = Lexicon.partsOfDay[words[index + 1]], words[index + 1] != "tonight",
           words[index - 1] != "for" {
            return Found(range: index..<(index + 2), type: .time, value: "XXXX-XX-XXT" + part)
        }
        if words[index] == "in" {
            let article = words[index + 1] == "the" ? 1 : 0
            if let part = Lexicon.partsOfDay[words[index + 1 + article]] {
                return Found(range: index..<(index + 2 + article), type: .time, value: "T" + part, isClock: true)
            }
        }
        guard let (value, end) = minutesPastHour(at: start) ?? clock(at: start) else { return nil }
        return Found(range: start..<end, type: .time, value: value, isClock: true)
    }

    /// "9 tomorrow morning", "8 this evening", "7, this morning", "five-thirty tomorrow evening",
    /// "7:00 on next Sunday afternoon": an hour written before its day, read in the part of the day
    /// named with it. A bare number counts as an hour only there.
    private func hourBeforeDay(at start: Int, from index: Int) -> Found? {
        // Most numbers have no day word after them: a few set lookups rule them out before any parsing.
        // Most numbers have no day word right after them: one or two lookups rule them out before any
        // parsing; a written time ("7:00", "3 p.m.") may take a few more tokens.
        // A bit test on the next four tokens before anything else: most numbers are counts.
        guard ((start + 1)...(start + 4)).contains(where: { $0 < starts.count && starts[$0].contains(.dayLead) }) else { return nil }
        func leadsDay(_ at: Int) -> Bool {
            let next = words[at] == "," || words[at] == "on" ? at + 1 : at
            return next < starts.count && starts[next].contains(.dayLead)
        }
        let digits = Self.integer(words[start], maxLength: 2) != nil
        let plain = digits || Lexicon.cardinals[words[start]] != nil
        // After bare digits only "a.m.", "p.m." or "o'clock" make a written time worth parsing here.
        let mark = words[start + 1]
        let marked = mark == "am" || mark == "pm" || mark == "a.m" || mark == "p.m" || mark == "o'clock" || mark == "oclock"
            || mark == "a" || mark == "p" || mark == "o"
        let written = digits && !marked ? nil : clock(at: start)
        guard let afterWritten = written?.end ?? (plain ? start + 1 : nil), leadsDay(afterWritten) || plain && leadsDay(start + 2)
        else { return nil }
        let hour: Int, minute: String, end: Int
        if let written, let h = Self.integer(String(written.value.dropFirst().prefix(2))) {
            hour = h; minute = String(written.value.dropFirst(3)); end = written.end
        } else if let (h, after) = cardinal(at: start), h >= 1, h <= 12, words[start].utf8.count <= 2 || Self.integer(words[start]) == nil {
            hour = h; minute = ":00"; end = after
        } else {
            return nil
        }
        var next = end
        if words[next] == "," || words[next] == "on" { next += 1 }
        guard next < starts.count, starts[next].contains(.dayLead),
              let day = [relative(at: next), weekday(at: next)].compactMap({ $0 }).max(by: { $0.range.count < $1.range.count }) else {
            return nil
        }
        var dayEnd = day.range.upperBound
        var date = day.value
        var part: String?
        if let t = day.value.firstIndex(of: "T") {
            let code = day.value[day.value.index(after: t)...]
            guard code.count == 2, code.allSatisfy(\.isLetter) else { return nil }
            part = String(code)
            date = String(day.value[..<t])
        } else if let code = Lexicon.partsOfDay[words[dayEnd]] {
            part = code
            dayEnd += 1
        }
        // A written time takes its day in `scan` unless a part of the day follows. A bare number is an hour
        // only after "at", or first in its sentence with a part of the day ("rose 9 today", "building 4 this
        // afternoon" are counts and names).
        guard day.isDay || part != nil, written != nil ? part != nil : index < start || part != nil && sentenceStart(of: start) == start
        else { return nil }
        let value = date + "T" + CivilDate.pad(part.map { Self.hour(hour, in: $0) } ?? hour, 2) + minute
        return Found(range: index..<dayEnd, type: .time, value: value)
    }

    /// Words that begin a day a time of day may be written before ("9 tomorrow", "8 this evening").
    static let dayLeads: Set<String> = ["today", "tomorrow", "tmr", "tmrw", "tonight", "tonite", "this", "next", "yesterday"]
    static let meridiems: Set<String> = ["a.m", "am", "p.m", "pm"]
    /// Words after which hours and minutes may be written without a colon ("at 1030").
    static let clockLeads: Set<String> = ["at", "around", "approximately", "about", "@"]
}
