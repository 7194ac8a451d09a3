/// The English words the grammar knows, as lower-case keys. Abbreviations are listed without their
/// period: `Words` strips a final period before looking a token up ("Feb." and "Feb" are one key).
enum Lexicon {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
        "sunday": 7, "sun": 7,
    ]

    /// Plural weekdays ("on Mondays") are sets.
    static let pluralWeekdays: [String: Int] = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    static let cardinals: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
    ]

    /// Units of time with their TIMEX3 duration letter; `isTime` units go after the `T`.
    struct Unit: Sendable {
        let code: String
        let isTime: Bool
        /// How many of the unit in its base (day for date units, second for time units), for arithmetic.
        let days: Int
        let seconds: Int
    }

    static let second = Unit(code: "S", isTime: true, days: 0, seconds: 1)
    static let minute = Unit(code: "M", isTime: true, days: 0, seconds: 60)
    static let hour = Unit(code: "H", isTime: true, days: 0, seconds: 3600)
    static let day = Unit(code: "D", isTime: false, days: 1, seconds: 0)
    static let week = Unit(code: "W", isTime: false, days: 7, seconds: 0)
    static let fortnight = Unit(code: "W", isTime: false, days: 14, seconds: 0)
    static let month = Unit(code: "M", isTime: false, days: 0, seconds: 0)
    static let quarter = Unit(code: "Q", isTime: false, days: 0, seconds: 0)
    static let year = Unit(code: "Y", isTime: false, days: 0, seconds: 0)
    static let decade = Unit(code: "DE", isTime: false, days: 0, seconds: 0)
    static let century = Unit(code: "CE", isTime: false, days: 0, seconds: 0)
    static let weekend = Unit(code: "WE", isTime: false, days: 7, seconds: 0)

    /// Unit words, singular and plural (the Bool says plural).
    static let units: [String: (Unit, plural: Bool)] = [
        "second": (second, false), "seconds": (second, true), "sec": (second, false), "secs": (second, true),
        "minute": (minute, false), "minutes": (minute, true), "min": (minute, false), "mins": (minute, true),
        "hour": (hour, false), "hours": (hour, true), "hr": (hour, false), "hrs": (hour, true),
        "day": (day, false), "days": (day, true), "week": (week, false), "weeks": (week, true),
        "fortnight": (fortnight, false), "month": (month, false), "months": (month, true),
        "quarter": (quarter, false), "quarters": (quarter, true), "qtr": (quarter, false), "qtrs": (quarter, true),
        "year": (year, false), "years": (year, true), "yr": (year, false), "yrs": (year, true),
        "decade": (decade, false), "decades": (decade, true), "century": (century, false), "centuries": (century, true),
        "weekend": (weekend, false), "weekends": (weekend, true),
    ]

    /// Parts of the day with their TIMEX3 codes.
    static let partsOfDay: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "tonite": "NI",
        "overnight": "NI", "daytime": "DT",
    ]

    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    ]

    /// Words that name the present, past or future without a date (TIMEX3 `*_REF` values).
    static let references: [String: String] = [
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF",
        "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    ]

    /// Adverbs of frequency: sets with a period.
    static let frequencies: [String: String] = [
        "daily": "P1D", "everyday": "P1D", "nightly": "TNI", "weekly": "P1W", "biweekly": "P2W",
        "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
        "annual": "P1Y", "hourly": "PT1H", "semiannual": "P6M", "biannual": "P6M", "semiannually": "P6M",
        "semi-annually": "P6M", "semi-annual": "P6M", "bi-monthly": "P2M", "bimonthly": "P2M", "bi-weekly": "P2W",
    ]
}
