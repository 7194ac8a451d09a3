/// The moment relative expressions are resolved against: a day, and a time of day when the reference
/// has one (evaluation suites do; news metadata usually does not).
struct Anchor: Hashable, Sendable {
    var date: CivilDate
    var hour: Int?
    var minute: Int?
    var second: Int?

    /// Reads `YYYY-MM-DD`, optionally followed by `THH:MM` or `THH:MM:SS` (anything after is ignored:
    /// fractions of seconds and zone offsets do not change a TIMEX3 value).
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let month = number(5, 2), let day = number(8, 2), let date = CivilDate.valid(year, month, day)
        else { return nil }
        self.date = date
        if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20, bytes[13] == 0x3A,
           let hour = number(11, 2), let minute = number(14, 2), hour < 24, minute < 60 {
            self.hour = hour
            self.minute = minute
            if bytes.count >= 19, bytes[16] == 0x3A, let second = number(17, 2) { self.second = second }
        } else if bytes.count > 10, bytes[10] != UInt8(ascii: "T"), bytes[10] != 0x20 {
            return nil
        }
    }

    init(date: CivilDate) { self.date = date }

    /// The TIMEX3 value of the anchor moment itself, as precise as it is known.
    var instantValue: String {
        guard let hour, let minute else { return date.dayValue }
        return date.dayValue + "T" + CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minute, 2)
            + (second.map { ":" + CivilDate.pad($0, 2) } ?? "")
    }

    /// The anchor moved by a number of seconds, keeping its precision.
    func adding(seconds: Int) -> (date: CivilDate, hour: Int, minute: Int, second: Int) {
        let start = (hour ?? 0) * 3600 + (minute ?? 0) * 60 + (second ?? 0)
        let total = start + seconds
        let days = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let rest = total - days * 86400
        return (date.adding(days: days), rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
