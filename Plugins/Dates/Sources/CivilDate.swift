/// A proleptic Gregorian calendar day, with the arithmetic the normalizer needs.
///
/// Plain integer arithmetic (Howard Hinnant's `days_from_civil`) instead of Foundation's `Calendar`:
/// TIMEX3 values are calendar-only, time zones never matter here, and this is a few integer
/// operations per call where `Calendar` allocates.
struct CivilDate: Hashable, Comparable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil when the day does not exist (April 31, February 29 of a common year).
    static func valid(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return CivilDate(year, month, day)
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    var weekday: Int {
        let n = (dayNumber + 3) % 7
        return (n < 0 ? n + 7 : n) + 1
    }

    func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Month arithmetic clamps the day: January 31 plus one month is February 28 (or 29).
    func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        return CivilDate(newYear, newMonth, min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstOfYear = CivilDate(thursday.year, 1, 1)
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// The Monday that starts this day's ISO week.
    var monday: CivilDate { adding(days: 1 - weekday) }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The `n`th (1-based) given weekday of a month; `n == -1` is the last one, `-2` the one before.
    static func nth(_ n: Int, weekday: Int, month: Int, year: Int) -> CivilDate? {
        if n < 0 {
            let last = CivilDate(year, month, daysIn(month: month, year: year))
            let date = last.adding(days: -((last.weekday - weekday + 7) % 7) + 7 * (n + 1))
            return date.month == month ? date : nil
        }
        let first = CivilDate(year, month, 1)
        let date = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
        return date.month == month ? date : nil
    }

    /// Western Easter Sunday (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year, month, day)
    }

    static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // TIMEX3 value forms.
    var dayValue: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
    var monthValue: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }
    var weekValue: String {
        let (weekYear, week) = isoWeek
        return "\(Self.pad(weekYear, 4))-W\(Self.pad(week, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension CivilDate {
    /// The same month on another day, clamped to the month's length.
    func withDay(_ day: Int) -> CivilDate { CivilDate(year, month, Swift.min(day, Self.daysIn(month: month, year: year))) }
}
