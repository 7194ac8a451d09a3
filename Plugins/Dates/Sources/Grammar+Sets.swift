/// Sets (TIMEX3 SET): "every Monday", "daily", "twice a week", "on Mondays", "Tuesday afternoons".
extension Grammar {
    /// "every Monday", "each week", "every two years", "every other day", "daily", "on Mondays",
    /// "twice a week", "once a year", "every morning".
    func set(at index: Int) -> Found? {
        let key = words[index]
        if let value = Lexicon.frequencies[key] {
            return Found(range: index..<(index + 1), type: .set, value: value)
        }
        // "Tuesday afternoons": a weekday and a plural part of the day.
        if let weekday = Lexicon.weekdays[key], let part = pluralPartOfDay(words[index + 1]) {
            return Found(range: index..<(index + 2), type: .set, value: "XXXX-WXX-" + String(weekday) + "T" + part)
        }
        if let weekday = Lexicon.pluralWeekdays[key] {
            var end = index + 1
            var value = "XXXX-WXX-" + String(weekday)
            if let part = pluralPartOfDay(words[end]) { value += "T" + part; end += 1 }
            return Found(range: index..<end, type: .set, value: value)
        }
        // "weekends", "all weekends": every weekend.
        if key == "weekends" && words[index - 1] != "two" || key == "all" && words[index + 1] == "weekends" {
            return Found(range: index..<(index + (key == "all" ? 2 : 1)), type: .set, value: "XXXX-WXX-WE")
        }
        if let part = pluralPartOfDay(key) {
            return Found(range: index..<(index + 1), type: .set, value: "XXXX-XX-XXT" + part)
        }
        if key == "once" || key == "twice" || key == "thrice" || words[index + 1] == "times" {
            var next = key == "once" || key == "twice" || key == "thrice" ? index + 1 : index + 2
            guard key != "times", ["a", "an", "per", "every", "each"].contains(words[next]) else { return nil }
            next += 1
            guard let (unit, _) = Lexicon.units[words[next]] else { return nil }
            return Found(range: index..<(next + 1), type: .set,
                         value: Self.durationValue([durationParts(Amount(text: "1", value: 1, end: next), unit)]))
        }
        // "the 19th of every month".
        if let day = dayOfMonth(at: key == "the" ? index + 1 : index), Self.integer(words[day.end - 1]) == nil || key == "the",
           words[day.end] == "of", words[day.end + 1] == "every" || words[day.end + 1] == "each", words[day.end + 2] == "month" {
            return Found(range: index..<(day.end + 3), type: .set, value: "XXXX-XX-" + CivilDate.pad(day.day, 2))
        }
        guard key == "every" || key == "each" else { return nil }
        var next = index + 1
        if let weekday = Lexicon.weekdays[words[next]] ?? Lexicon.pluralWeekdays[words[next]] {
            var value = "XXXX-WXX-" + String(weekday)
            next += 1
            if let part = Lexicon.partsOfDay[words[next]] { value += "T" + part; next += 1 }
            return Found(range: index..<next, type: .set, value: value)
        }
        if let month = Lexicon.months[words[next]] {
            return Found(range: index..<(next + 1), type: .set, value: "XXXX-" + CivilDate.pad(month, 2))
        }
        if let part = Lexicon.partsOfDay[words[next]] {
            return Found(range: index..<(next + 1), type: .set, value: "XXXX-XX-XXT" + part)
        }
        if words[next] == "weekend" {
            return Found(range: index..<(next + 1), type: .set, value: "XXXX-WXX-WE")
        }
        var amount = Amount(text: "1", value: 1, end: next)
        if words[next] == "other" {
            amount = Amount(text: "2", value: 2, end: next + 1)
        } else if let counted = quantity(at: next), counted.value != nil, words[next] != "a", words[next] != "an" {
            amount = counted
        }
        guard let (unit, _) = Lexicon.units[words[amount.end]] else { return nil }
        return Found(range: index..<(amount.end + 1), type: .set, value: Self.durationValue([durationParts(amount, unit)]))
    }

    private func pluralPartOfDay(_ key: String) -> String? {
        Self.pluralPartsOfDay[key]
    }

    static let pluralPartsOfDay: [String: String] = ["mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"]
}
