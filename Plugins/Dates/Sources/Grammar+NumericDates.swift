/// Dates written with digits: "2/24/2022", "2022-02-24", "20220224", "31-Oct-1974", "feb13", and ISO
/// date-times.
extension Grammar {
    /// Dates in one token that mixes a month name with numbers: "31-Oct-1974", "05-aug-2016",
    /// "2019-aug-1", "jan/3", "Sep-2012", "15Sep", "feb13".
    func mixedDate(at index: Int) -> Found? { mixedDate(words[index], at: index) }

    /// A date and a time of day glued by ".", ":" or "-": the date part and `HH:MM[:SS]`.
    static func splitStamp(_ key: String) -> (String, String)? {
        let bytes = Array(key.utf8)
        for length in [8, 5] where bytes.count > length + 6 {
            let cut = bytes.count - length
            let time = bytes[cut...]
            guard [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes[cut - 1]),
                  time.enumerated().allSatisfy({ $0.offset % 3 == 2 ? $0.element == UInt8(ascii: ":") : ($0.element >= 0x30 && $0.element <= 0x39) })
            else { continue }
            return (String(decoding: bytes[..<(cut - 1)], as: UTF8.self), String(decoding: time, as: UTF8.self))
        }
        return nil
    }

    func mixedDate(_ key: String, at index: Int) -> Found? {
        guard key.utf8.count >= 4, key.contains(where: \.isNumber), key.contains(where: \.isLetter) else { return nil }
        var runs: [Substring] = []
        var current = key.startIndex
        while current < key.endIndex {
            let isDigit = key[current].isNumber, isLetter = key[current].isLetter
            guard isDigit || isLetter else { current = key.index(after: current); continue }
            let end = key[current...].firstIndex { isDigit ? !$0.isNumber : !$0.isLetter } ?? key.endIndex
            runs.append(key[current..<end])
            current = end
        }
        guard runs.count == 2 || runs.count == 3, let monthRun = runs.firstIndex(where: { Lexicon.months[String($0)] != nil }),
              runs.indices.allSatisfy({ $0 == monthRun || Self.integer(String(runs[$0])) != nil }) else { return nil }
        let month = Lexicon.months[String(runs[monthRun])]!
        let numbers = runs.indices.filter { $0 != monthRun }.map { (Self.integer(String(runs[$0]))!, runs[$0].count) }
        let range = index..<(index + 1)
        if numbers.count == 1 {
            let (value, digits) = numbers[0]
            if digits == 4 { return Found(range: range, type: .date, value: String(value) + "-" + CivilDate.pad(month, 2)) }
            guard value >= 1, value <= 31 else { return nil }
            return dayDate(from: index, month: month, day: value, after: index + 1)
        }
        let yearFirst = numbers[0].1 == 4
        let (day, yearValue) = yearFirst ? (numbers[1].0, numbers[0]) : (numbers[0].0, numbers[1])
        let year = yearValue.1 == 4 ? yearValue.0 : fullYear(yearValue.0)
        guard let date = CivilDate.valid(year, month, day) else { return nil }
        return Found(range: range, type: .date, value: date.dayValue, isDay: true)
    }

    /// One token of digits and separators: `2022-02-24`, `2/24/2022`, `2/24/22`, `24.02.2022`, `2/24`.
    /// Slashes read month first (US news) unless the first number cannot be a month.
    func numericDate(at index: Int) -> Found? {
        // "2016 10 16", "10 31 1974", "31 10 1974": three numbers apart, one of them a four-digit year.
        if let a = Self.integer(words[index], maxLength: 4), let b = Self.integer(words[index + 1], maxLength: 2),
           let c = Self.integer(words[index + 2], maxLength: 4) {
            let date: CivilDate?
            if words[index].utf8.count == 4, words[index + 2].utf8.count <= 2 {
                date = CivilDate.valid(a, b, c)
            } else if words[index + 2].utf8.count == 4, words[index].utf8.count <= 2 {
                date = a > 12 ? CivilDate.valid(c, b, a) : CivilDate.valid(c, a, b)
            } else {
                date = nil
            }
            if let date, (1000...2999).contains(date.year) {
                return Found(range: index..<(index + 3), type: .date, value: date.dayValue, isDay: true)
            }
        }
        // Split by the tokenizer: "2 / 15", "2014 - 10".
        if words[index + 1] == "/" || words[index + 1] == "-", Self.integer(words[index]) != nil, Self.integer(words[index + 2]) != nil {
            let separator = words[index + 1]
            var key = words[index] + separator + words[index + 2]
            var end = index + 3
            if words[end] == separator, Self.integer(words[end + 1]) != nil { key += separator + words[end + 1]; end += 2 }
            guard separator == "/" || words[index].utf8.count == 4 || words[end - 1].utf8.count == 4,
                  var found = numericDate(key, at: index) else { return nil }
            found.range = index..<end
            return found
        }
        return numericDate(words[index], at: index)
    }

    func numericDate(_ key: String, at index: Int) -> Found? {
        guard let first = key.utf8.first, first >= 0x30, first <= 0x39, key.utf8.count >= 3 else { return nil }
        // ISO 8601 date and time: "1994-11-05t13:15:30z" (zone and fraction dropped).
        if key.utf8.count >= 16, let t = key.firstIndex(of: "t"), let date = numericDate(String(key[..<t]), at: index), date.isDay,
           let clock = Anchor(parsing: date.value + "T" + key[key.index(after: t)...].prefix(8)) {
            return Found(range: index..<(index + 1), type: .time, value: clock.instantValue)
        }
        // Log stamps: "05/31/2024.14:15", "05/31/2024-14:15", "06/nov/2023:06:36:02": a date glued to a time.
        if key.utf8.count >= 12, let (date, time) = Self.splitStamp(key),
           let day = numericDate(date, at: index) ?? mixedDate(date, at: index), day.isDay, let clock = Anchor(parsing: day.value + "T" + time) {
            return Found(range: index..<(index + 1), type: .time, value: clock.instantValue)
        }
        // "20170302".
        if key.utf8.count == 8, let value = Self.integer(key), (1900...2099).contains(value / 10000),
           let date = CivilDate.valid(value / 10000, value / 100 % 100, value % 100) {
            return Found(range: index..<(index + 1), type: .date, value: date.dayValue, isDay: true)
        }
        for separator in ["-", "/", "."] as [Character] where key.contains(separator) {
            let parts = key.split(separator: separator, omittingEmptySubsequences: false).map { Self.integer(String($0), maxLength: 4) }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            let numbers = parts.map { $0! }
            let lengths = key.split(separator: separator, omittingEmptySubsequences: false).map(\.count)
            var date: CivilDate?
            if numbers.count == 3, lengths[0] == 4 {
                date = CivilDate.valid(numbers[0], numbers[1], numbers[2])
            } else if numbers.count == 3, lengths[2] == 4 || lengths[2] == 2 {
                let year = lengths[2] == 4 ? numbers[2] : fullYear(numbers[2])
                if separator == "." && numbers[1] <= 12 || numbers[0] > 12 {
                    date = CivilDate.valid(year, numbers[1], numbers[0])
                } else {
                    date = CivilDate.valid(year, numbers[0], numbers[1])
                }
            } else if numbers.count == 2, separator == "/", Lexicon.units[words[index + 1]] != nil || words[index + 1] == "of" {
                // "1/2 hour", "2/3 of voters": fractions.
                return nil
            } else if numbers.count == 2, separator == "/", lengths[0] <= 2, lengths[1] <= 2,
                      CivilDate.valid(2000, numbers[0], numbers[1]) != nil {
                return dayDate(from: index, month: numbers[0], day: numbers[1], after: index + 1)
            } else if numbers.count == 2, separator == "/", lengths[0] <= 2, lengths[1] <= 2, numbers[0] > 12,
                      CivilDate.valid(2000, numbers[1], numbers[0]) != nil {
                // "15/2": the day comes first when it cannot be a month.
                return dayDate(from: index, month: numbers[1], day: numbers[0], after: index + 1)
            } else if numbers.count == 2, separator == "/" || separator == "-", lengths[0] <= 2, lengths[1] == 4, (1...12).contains(numbers[0]) {
                // "9/2012": a month.
                return Found(range: index..<(index + 1), type: .date,
                             value: CivilDate.pad(numbers[1], 4) + "-" + CivilDate.pad(numbers[0], 2))
            } else if numbers.count == 2, separator == "-" || separator == "/", lengths[0] == 4, lengths[1] <= 2,
                      (1...12).contains(numbers[1]) {
                // "2022-02": a month.
                return Found(range: index..<(index + 1), type: .date,
                             value: CivilDate.pad(numbers[0], 4) + "-" + CivilDate.pad(numbers[1], 2))
            }
            guard let date else { return nil }
            return Found(range: index..<(index + 1), type: .date, value: date.dayValue, isDay: true)
        }
        return nil
    }
}
