/// Durations: "three years", "48 hours", "an hour and a half", "decades", "the past two months".
extension Grammar {
    /// An amount: a number, "a"/"an" (one), "a couple of" (two), "1.5", or an unspecified amount
    /// ("several", "a few", "many": value nil, written `X`).
    struct Amount {
        var text: String
        var value: Double?
        var end: Int
    }

    func quantity(at index: Int) -> Amount? {
        guard mayBeAmount(index) else { return nil }
        let key = words[index]
        switch key {
        case "a", "an", "one":
            if words[index + 1] == "few" { return Amount(text: "X", value: nil, end: index + 2) }
            if words[index + 1] == "couple" || words[index + 1] == "pair" {
                return Amount(text: "2", value: 2, end: words[index + 2] == "of" ? index + 3 : index + 2)
            }
            if words[index + 1] == "dozen" { return Amount(text: "12", value: 12, end: index + 2) }
            return Amount(text: "1", value: 1, end: index + 1)
        case "few", "several", "many", "some", "multiple":
            return Amount(text: "X", value: nil, end: index + 1)
        case "couple":
            return Amount(text: "2", value: 2, end: words[index + 1] == "of" ? index + 2 : index + 1)
        default: break
        }
        if let (value, end) = cardinal(at: index) {
            return Amount(text: String(value), value: Double(value), end: end)
        }
        // Fractions: "1/2 hour", "3/4 hour".
        if let fraction = Self.fractions[key] { return Amount(text: String(fraction), value: fraction, end: index + 1) }
        // Decimals: "1.5", "2.5".
        guard Self.startsWithDigit(key), key.utf8.contains(0x2E) else { return nil }
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, let whole = Self.integer(String(parts[0])), let fraction = Self.integer(String(parts[1])), !parts[1].isEmpty {
            let value = Double(whole) + Double(fraction) / pow10(parts[1].count)
            return Amount(text: key, value: value, end: index + 1)
        }
        return nil
    }

    private func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The TIMEX3 duration of an amount of a unit; halves of hours, days and years become smaller units.
    func durationParts(_ amount: Amount, _ unit: Lexicon.Unit) -> (date: String, time: String) {
        if let value = amount.value, value != value.rounded(), value * 2 == (value * 2).rounded() {
            let whole = Int(value)
            switch unit.code {
            case "H" where unit.isTime: return ("", (whole > 0 ? "\(whole)H" : "") + "30M")
            case "M" where unit.isTime: return ("", (whole > 0 ? "\(whole)M" : "") + "30S")
            case "D": return (whole > 0 ? "\(whole)D" : "", "12H")
            case "Y": return ((whole > 0 ? "\(whole)Y" : "") + "6M", "")
            default: break
            }
        }
        var text = amount.text
        if text.isEmpty, let value = amount.value { text = value == value.rounded() ? String(Int(value)) : String(value) }
        if unit.days == 14, let value = amount.value { text = String(Int(value * 2)) }
        if unit.code == "Q", let value = amount.value, value == value.rounded() { return (String(Int(value * 3)) + "M", "") }
        return unit.isTime ? ("", text + unit.code) : (text + unit.code, "")
    }

    static func durationValue(_ parts: [(date: String, time: String)]) -> String {
        let date = parts.map(\.date).joined()
        let time = parts.map(\.time).joined()
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }

    /// "three years", "48 hours", "a 10-year plan", "an hour and a half", "two hours and 30 minutes",
    /// "half an hour", "the past three years", "for decades".
    func duration(at index: Int) -> Found? {
        var start = index
        var leadingPeriod = false
        // "the past three years", "the next two weeks", "past 2 days": a length of time.
        if words[start] == "the", ["past", "last", "next", "coming", "previous", "following", "first"].contains(words[start + 1]) {
            start += 2
            leadingPeriod = true
        } else if words[start] == "past" || words[start] == "last" || words[start] == "next" {
            start += 1
            leadingPeriod = words[start - 1] == "past"
        }
        // "the past week" is a week long; "the following week" and "the next week" are dates.
        // ("The past weekend" is the last weekend, a date.)
        if leadingPeriod, ["past", "last", "previous"].contains(words[start - 1]) || words[index] == "past",
           let (unit, plural) = Lexicon.units[words[start]], !plural, unit.code != "WE" {
            return Found(range: index..<(start + 1), type: .duration,
                         value: Self.durationValue([durationParts(Amount(text: "1", value: 1, end: start), unit)]))
        }
        // Bare plurals: "for years", "over decades", "decades of" (an amount is handled below).
        if let (unit, plural) = Lexicon.units[words[start]], plural,
           ["for", "over", "within"].contains(words[start - 1]) || words[start] == "decades" && words[start + 1] == "of" {
            return Found(range: index..<(start + 1), type: .duration,
                         value: Self.durationValue([durationParts(Amount(text: "X", value: nil, end: start), unit)]))
        }
        // "all week", "a full year", "another hour", "half year": one (or half) of a unit.
        var whole = start
        if words[whole] == "a" { whole += 1 }
        if ["all", "full", "whole", "another", "entire", "half"].contains(words[whole]) {
            var unitIndex = whole + 1
            if words[unitIndex] == "-" { unitIndex += 1 }
            if let (unit, plural) = Lexicon.units[words[unitIndex]], !plural {
                let half = words[whole] == "half"
                return Found(range: index..<(unitIndex + 1), type: .duration, value: Self.durationValue([
                    durationParts(Amount(text: half ? "0.5" : "1", value: half ? 0.5 : 1, end: unitIndex), unit)]))
            }
        }
        guard let compound = compoundAmount(at: start, glued: true) else { return nil }
        // "the last 3 months and 2 days ago": a period, then a day counted back; not one amount.
        if leadingPeriod, compound.parts.count > 1, ["ago", "earlier", "later", "hence"].contains(words[compound.end]),
           let first = quantityAndUnit(at: start, glued: true) {
            return Found(range: index..<first.end, type: .duration, value: Self.durationValue([durationParts(first.amount, first.unit)]))
        }
        // "a 10-year plan" reads as "10 years"; the article is not part of it.
        let range = (words[index] == "a" || words[index] == "an") && compound.hyphenated ? (index + 1)..<compound.end : index..<compound.end
        return Found(range: range, type: .duration, value: Self.durationValue(compound.parts.map { durationParts($0.amount, $0.unit) }))
    }

    /// Amounts of units, largest first: "three years", "an hour and a half", "one and a half hours",
    /// "half an hour", "2 hours and 30 minutes", "1 day 21 hours", "10-year", "1h" (glued).
    func compoundAmount(at index: Int, glued: Bool) -> (parts: [(amount: Amount, unit: Lexicon.Unit)], end: Int, hyphenated: Bool)? {
        guard mayBeAmount(index) else { return nil }
        if words[index] == "half", words[index + 1] == "a" || words[index + 1] == "an", let (unit, _) = Lexicon.units[words[index + 2]] {
            return ([(Amount(text: "0.5", value: 0.5, end: index + 2), unit)], index + 3, false)
        }
        // "a quarter of an hour", "three quarters of an hour", "three-quarters of an hour".
        var quarterAt = index
        var quarters = 1.0
        if words[index] == "a" { quarterAt += 1 } else if words[index] == "three" { quarterAt += words[index + 1] == "-" ? 2 : 1; quarters = 3 }
        if words[index] == "three-quarters" { quarters = 3 } else if words[quarterAt] != "quarter" && words[quarterAt] != "quarters" { quarterAt = -1 }
        if quarterAt >= 0, words[quarterAt + 1] == "of", words[quarterAt + 2] == "an" || words[quarterAt + 2] == "a",
           let (unit, _) = Lexicon.units[words[quarterAt + 3]], unit.isTime || unit.code == "Y" {
            let value = quarters / 4
            return ([(Amount(text: String(value), value: value, end: quarterAt + 3), unit)], quarterAt + 4, false)
        }
        // "one and a half hours", "one and a quarter year".
        if let whole = quantity(at: index), let value = whole.value, words[whole.end] == "and" {
            var next = whole.end + 1
            if words[next] == "a" || words[next] == "an" { next += 1 }
            if let fraction = Self.fractionWords[words[next]], let (unit, _) = Lexicon.units[words[next + 1]] {
                return ([(Amount(text: "", value: value + fraction, end: next + 1), unit)], next + 2, false)
            }
        }
        // "2hr5min", "1d", "+15min", "3m 49s": amounts glued to their units, several in one token.
        if Self.mayBeGlued(words[index]),
           let glued = gluedParts(at: index, loose: words[index - 1] == "+" || words[index - 1] == "-" || words[index].utf8.first == UInt8(ascii: "+")
                                    || gluedParts(at: index + 1, loose: true) != nil) {
            var parts = glued
            var end = index + 1
            while true {
                var next = end
                if words[next] == "," { next += 1 }
                if words[next] == "and" { next += 1 }
                let more = gluedParts(at: next, loose: true) ?? quantityAndUnit(at: next, glued: true).map { [($0.amount, $0.unit)] }
                guard let more, more.allSatisfy({ $0.amount.value != nil }),
                      Self.rank(more[0].unit) < Self.rank(parts[parts.count - 1].unit) else { break }
                parts += more
                end = next + (more.count > 1 || gluedParts(at: next, loose: true) != nil ? 1 : 0)
                if gluedParts(at: next, loose: true) == nil, let single = quantityAndUnit(at: next, glued: true) { end = single.end }
            }
            return (parts, end, false)
        }
        guard let first = quantityAndUnit(at: index, glued: glued) else { return nil }
        var parts = [(amount: first.amount, unit: first.unit)]
        var end = first.end
        // "an hour and a half", "a year and a half", "one hour and half", "a year and a quarter".
        if words[end] == "and", let value = first.amount.value {
            let article = words[end + 1] == "a" ? 1 : 0
            if let fraction = Self.fractionWords[words[end + 1 + article]] {
                parts = [(Amount(text: "", value: value + fraction, end: end), first.unit)]
                end += 2 + article
            }
        }
        // "two hours and 30 minutes", "1 month 2 days", "1 month, 21 days", "1 day 21 hours 25m".
        while first.amount.value != nil {
            var next = end
            if words[next] == "," { next += 1 }
            if words[next] == "and" { next += 1 }
            if let glued = gluedParts(at: next, loose: true), glued.allSatisfy({ $0.amount.value != nil }),
               Self.rank(glued[0].unit) < Self.rank(parts[parts.count - 1].unit) {
                parts += glued
                end = next + 1
                continue
            }
            // Written right after the last one, a unit not yet counted may also be larger ("2 days 1 month",
            // "1 month 2 years 21 days"); after a comma or "and" the units must go down, or "in 3 days, 2
            // weeks later" would be one amount.
            guard let more = quantityAndUnit(at: next, glued: glued), more.amount.value != nil,
                  Self.rank(more.unit) < Self.rank(parts[parts.count - 1].unit)
                    || next == end && !parts.contains(where: { Self.rank($0.unit) == Self.rank(more.unit) }) else { break }
            parts.append((more.amount, more.unit))
            end = more.end
        }
        // TIMEX3 writes the units largest first.
        parts.sort { Self.rank($0.unit) > Self.rank($1.unit) }
        return (parts, end, first.hyphenated)
    }

    /// Larger units rank higher; compound amounts go from larger to smaller.
    static func rankOf(_ unit: Lexicon.Unit) -> Int { rank(unit) }

    private static func rank(_ unit: Lexicon.Unit) -> Int {
        unit.isTime ? unit.seconds : 100_000 + (unit.days > 0 ? unit.days : ["M": 30, "Q": 90, "Y": 365, "DE": 3650, "CE": 36500][unit.code] ?? 0)
    }

    /// Units written right after digits: "1h", "3mo", "2w", "5d", "10yrs". Not "5m" (millions in news).
    static let gluedUnits: [String: Lexicon.Unit] = [
        "h": Lexicon.hour, "hr": Lexicon.hour, "hrs": Lexicon.hour, "min": Lexicon.minute, "mins": Lexicon.minute,
        "sec": Lexicon.second, "secs": Lexicon.second, "d": Lexicon.day, "w": Lexicon.week, "wk": Lexicon.week,
        "wks": Lexicon.week, "mo": Lexicon.month, "mos": Lexicon.month, "yr": Lexicon.year, "yrs": Lexicon.year,
        "y": Lexicon.year,
    ]

    /// An amount and a unit: "three years", "48 hours", "10-year", "10 - year", "three-year", "1h".
    private func quantityAndUnit(at index: Int, glued: Bool) -> (amount: Amount, unit: Lexicon.Unit, end: Int, hyphenated: Bool)? {
        let key = words[index]
        if key.utf8.contains(0x2D), let dash = key.lastIndex(of: "-") {
            let head = String(key[..<dash]), tail = String(key[key.index(after: dash)...])
            // "one-quarter" and "one-half" are fractions, not a quarter of a year.
            if let (unit, plural) = Lexicon.units[tail], unit.code != "Q",
               let value = Self.integer(head, maxLength: 4).map(Double.init) ?? Self.wordNumber(head).map(Double.init) {
                return (Amount(text: String(Int(value)), value: value, end: index + 1), unit, index + 1, !plural)
            }
        }
        if glued, let parts = gluedParts(at: index, loose: false), parts.count == 1 {
            return (parts[0].amount, parts[0].unit, index + 1, false)
        }
        guard let amount = quantity(at: index) else { return nil }
        // "3 h", "1/4 h": the hour's letter after digits.
        if words[amount.end] == "h", Self.startsWithDigit(key) {
            return (amount, Lexicon.hour, amount.end + 1, false)
        }
        if words[amount.end] == "-", let (unit, plural) = Lexicon.units[words[amount.end + 1]], unit.code != "Q" {
            // "a 10-year plan" is hyphenated; "30-minutes" is just written with a hyphen.
            return (amount, unit, amount.end + 2, !plural)
        }
        var unitIndex = amount.end
        // "a few more days", "three full years", "two straight weeks".
        if Self.unitQualifiers.contains(words[unitIndex]) { unitIndex += 1 }
        // "two nights", "for 2 nights", "1 night" (a stay): so many days, as Recognizers-Text writes them
        // (TIMEX3 has no unit for nights). "one night in May" is a night, "for one night" a stay.
        if words[unitIndex] == "nights" && amount.value.map({ $0 > 1 }) == true || words[unitIndex] == "night" && (Self.startsWithDigit(key) || words[index - 1] == "for") {
            return (amount, Lexicon.day, unitIndex + 1, false)
        }
        guard let (unit, _) = Lexicon.units[words[unitIndex]] else { return nil }
        // "a second round" is an ordinal, not one second ("a one second delay" is a second).
        if words[unitIndex] == "second", key == "a" || key == "an", let next = words[unitIndex + 1].first, next.isLetter,
           !["later", "ago", "earlier", "before", "after", "and", "or", "from"].contains(words[unitIndex + 1]) {
            return nil
        }
        return (amount, unit, unitIndex + 1, false)
    }

    /// The amounts and units of one token that glues them: "1h", "2hr5min", "3.5years", "1/4h",
    /// "40minutes", "+15min". `loose` also reads "m" as minutes and "s" as seconds, which alone would
    /// be millions ("$5m") and plurals; callers pass it after a sign or inside a compound ("3m 49s").
    func gluedParts(at index: Int, loose: Bool) -> [(amount: Amount, unit: Lexicon.Unit)]? {
        let key = words[index]
        guard Self.mayBeGlued(key), key.utf8.count <= 16 else { return nil }
        var parts: [(amount: Amount, unit: Lexicon.Unit)] = []
        var lastLetters = ""
        // Bytes, not Characters: this runs on every token that mixes digits and letters ("3pm", "1990s").
        var bytes = Array(key.utf8)
        if bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        var at = 0
        while at < bytes.count {
            let numberStart = at
            while at < bytes.count, bytes[at] >= 0x30 && bytes[at] <= 0x39 || bytes[at] == UInt8(ascii: ".") || bytes[at] == UInt8(ascii: "/") {
                at += 1
            }
            let lettersStart = at
            while at < bytes.count, bytes[at] >= 0x61 && bytes[at] <= 0x7A { at += 1 }
            guard numberStart < lettersStart, lettersStart < at else { return nil }
            let number = String(decoding: bytes[numberStart..<lettersStart], as: UTF8.self)
            let name = String(decoding: bytes[lettersStart..<at], as: UTF8.self)
            guard let value = Self.fractions[number] ?? Double(number) else { return nil }
            let unit: Lexicon.Unit
            if let known = Self.gluedUnits[name] ?? Lexicon.units[name]?.0 {
                unit = known
            } else if name == "m" || name == "s" {
                unit = name == "m" ? Lexicon.minute : Lexicon.second
            } else {
                return nil
            }
            let text = value == value.rounded() ? String(Int(value)) : number
            parts.append((Amount(text: text, value: value, end: index + 1), unit))
            lastLetters = name
        }
        if parts.count == 1, !loose {
            // "5m" is five million in news and "3D" a dimension: alone, they are not amounts of time.
            if lastLetters == "m" || lastLetters == "s" { return nil }
            if lastLetters == "d", let value = parts[0].amount.value, (2...4).contains(value) { return nil }
        }
        return parts
    }

    /// A cheap test before parsing: digits (or "+") first and not digits only.
    static func mayBeGlued(_ key: String) -> Bool {
        guard let first = key.utf8.first, first >= 0x30 && first <= 0x39 || first == UInt8(ascii: "+") else { return false }
        return key.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    static let fractions: [String: Double] = ["1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5, "¼": 0.25, "¾": 0.75]
    static let fractionWords: [String: Double] = ["half": 0.5, "quarter": 0.25]
    static let unitQualifiers: Set<String> = ["more", "full", "straight", "consecutive", "long", "whole", "additional", "extra"]
}
