/// Holidays by their token sequences (lower case, final periods stripped, "'s" a token of its own as
/// the tokenizer splits it), and how to find their date in a given year.
enum Holiday: Sendable {
    case fixed(month: Int, day: Int)
    /// The `n`th weekday of a month (`n == -1`: the last one).
    case nth(Int, weekday: Int, month: Int)
    /// Days from Western Easter Sunday.
    case easter(offset: Int)
    /// Days after the `n`th weekday of a month (Black Friday follows Thanksgiving).
    case afterNth(Int, weekday: Int, month: Int, days: Int)

    func date(in year: Int) -> CivilDate? {
        switch self {
        case .fixed(let month, let day): CivilDate.valid(year, month, day)
        case .nth(let n, let weekday, let month): CivilDate.nth(n, weekday: weekday, month: month, year: year)
        case .easter(let offset): CivilDate.easter(year).adding(days: offset)
        case .afterNth(let n, let weekday, let month, let days):
            CivilDate.nth(n, weekday: weekday, month: month, year: year)?.adding(days: days)
        }
    }

    /// Longest names first is not needed: the matcher tries every name starting at a token and keeps
    /// the longest.
    static let names: [(words: [String], holiday: Holiday)] = [
        (["christmas"], .fixed(month: 12, day: 25)), (["christmas", "day"], .fixed(month: 12, day: 25)),
        (["xmas"], .fixed(month: 12, day: 25)),
        (["christmas", "eve"], .fixed(month: 12, day: 24)), (["boxing", "day"], .fixed(month: 12, day: 26)),
        (["new", "year", "'s", "day"], .fixed(month: 1, day: 1)), (["new", "year", "'s"], .fixed(month: 1, day: 1)),
        (["new", "years", "day"], .fixed(month: 1, day: 1)), (["new", "year", "day"], .fixed(month: 1, day: 1)),
        (["new", "year"], .fixed(month: 1, day: 1)),
        (["new", "year", "'s", "eve"], .fixed(month: 12, day: 31)), (["new", "years", "eve"], .fixed(month: 12, day: 31)),
        (["independence", "day"], .fixed(month: 7, day: 4)), (["fourth", "of", "july"], .fixed(month: 7, day: 4)),
        (["halloween"], .fixed(month: 10, day: 31)),
        (["valentine", "'s", "day"], .fixed(month: 2, day: 14)), (["valentines", "day"], .fixed(month: 2, day: 14)),
        (["st", "patrick", "'s", "day"], .fixed(month: 3, day: 17)), (["saint", "patrick", "'s", "day"], .fixed(month: 3, day: 17)),
        (["st", "patricks", "day"], .fixed(month: 3, day: 17)), (["saint", "patrick"], .fixed(month: 3, day: 17)),
        (["st", "patrick"], .fixed(month: 3, day: 17)), (["saint", "patricks", "day"], .fixed(month: 3, day: 17)),
        (["veterans", "day"], .fixed(month: 11, day: 11)), (["veteran", "'s", "day"], .fixed(month: 11, day: 11)),
        (["armistice", "day"], .fixed(month: 11, day: 11)), (["remembrance", "day"], .fixed(month: 11, day: 11)),
        (["juneteenth"], .fixed(month: 6, day: 19)), (["freedom", "day"], .fixed(month: 6, day: 19)),
        (["jubilee", "day"], .fixed(month: 6, day: 19)), (["international", "workers", "'", "day"], .fixed(month: 5, day: 1)),
        (["international", "workers", "day"], .fixed(month: 5, day: 1)), (["earth", "day"], .fixed(month: 4, day: 22)),
        (["groundhog", "day"], .fixed(month: 2, day: 2)), (["april", "fools", "day"], .fixed(month: 4, day: 1)),
        (["april", "fool", "'s", "day"], .fixed(month: 4, day: 1)), (["cinco", "de", "mayo"], .fixed(month: 5, day: 5)),
        (["may", "day"], .fixed(month: 5, day: 1)), (["bastille", "day"], .fixed(month: 7, day: 14)),
        (["all", "saints", "day"], .fixed(month: 11, day: 1)), (["all", "saints", "'", "day"], .fixed(month: 11, day: 1)),
        (["epiphany"], .fixed(month: 1, day: 6)), (["flag", "day"], .fixed(month: 6, day: 14)),
        (["thanksgiving"], .nth(4, weekday: 4, month: 11)), (["thanksgiving", "day"], .nth(4, weekday: 4, month: 11)),
        (["black", "friday"], .afterNth(4, weekday: 4, month: 11, days: 1)),
        (["labor", "day"], .nth(1, weekday: 1, month: 9)), (["labour", "day"], .nth(1, weekday: 1, month: 9)),
        (["memorial", "day"], .nth(-1, weekday: 1, month: 5)),
        (["martin", "luther", "king", "day"], .nth(3, weekday: 1, month: 1)),
        (["martin", "luther", "king", "jr", "day"], .nth(3, weekday: 1, month: 1)),
        (["mlk", "day"], .nth(3, weekday: 1, month: 1)), (["mlk", "jr", "day"], .nth(3, weekday: 1, month: 1)),
        (["civil", "rights", "day"], .nth(3, weekday: 1, month: 1)),
        (["washington", "'s", "birthday"], .nth(3, weekday: 1, month: 2)), (["lincolns", "birthday"], .fixed(month: 2, day: 12)),
        (["valentine", "day"], .fixed(month: 2, day: 14)), (["law", "day"], .fixed(month: 5, day: 1)),
        (["saint", "paddy", "'s", "day"], .fixed(month: 3, day: 17)), (["st", "paddy", "'s", "day"], .fixed(month: 3, day: 17)),
        (["daylight", "saving", "start"], .nth(2, weekday: 7, month: 3)), (["daylight", "savings", "start"], .nth(2, weekday: 7, month: 3)),
        (["daylight", "saving", "start", "day"], .nth(2, weekday: 7, month: 3)),
        (["daylight", "saving", "end"], .nth(1, weekday: 7, month: 11)), (["daylight", "savings", "end"], .nth(1, weekday: 7, month: 11)),
        (["daylight", "savings", "end", "day"], .nth(1, weekday: 7, month: 11)),
        (["summer", "bank", "holiday"], .nth(-1, weekday: 1, month: 8)),
        (["veteran", "day"], .fixed(month: 11, day: 11)), (["decoration", "day"], .nth(-1, weekday: 1, month: 5)),
        (["president", "day"], .nth(3, weekday: 1, month: 2)), (["george", "washington", "day"], .nth(3, weekday: 1, month: 2)),
        (["lincoln", "birthday"], .fixed(month: 2, day: 12)), (["lincolns", "'", "birthday"], .fixed(month: 2, day: 12)),
        (["groundhogs", "day"], .fixed(month: 2, day: 2)), (["national", "sibling", "day"], .fixed(month: 4, day: 10)),
        (["whitsunday"], .easter(offset: 49)), (["white", "sunday"], .easter(offset: 49)), (["easter", "mon"], .easter(offset: 1)),
        (["pancake", "day"], .easter(offset: -47)), (["branch", "sunday"], .easter(offset: -7)),
        (["presidents", "day"], .nth(3, weekday: 1, month: 2)), (["presidents", "'", "day"], .nth(3, weekday: 1, month: 2)),
        (["president", "'s", "day"], .nth(3, weekday: 1, month: 2)),
        (["columbus", "day"], .nth(2, weekday: 1, month: 10)),
        (["mother", "'s", "day"], .nth(2, weekday: 7, month: 5)), (["mothers", "day"], .nth(2, weekday: 7, month: 5)),
        (["father", "'s", "day"], .nth(3, weekday: 7, month: 6)), (["fathers", "day"], .nth(3, weekday: 7, month: 6)),
        (["super", "tuesday"], .nth(1, weekday: 2, month: 3)),
        (["easter"], .easter(offset: 0)), (["easter", "sunday"], .easter(offset: 0)),
        (["easter", "monday"], .easter(offset: 1)), (["good", "friday"], .easter(offset: -2)),
        (["holy", "saturday"], .easter(offset: -1)), (["maundy", "thursday"], .easter(offset: -3)),
        (["palm", "sunday"], .easter(offset: -7)), (["ash", "wednesday"], .easter(offset: -46)),
        (["shrove", "tuesday"], .easter(offset: -47)), (["mardi", "gras"], .easter(offset: -47)),
        (["pentecost"], .easter(offset: 49)), (["whit", "sunday"], .easter(offset: 49)),
        (["ascension", "day"], .easter(offset: 39)), (["trinity", "sunday"], .easter(offset: 56)),
        (["corpus", "christi"], .easter(offset: 60)), (["whit", "monday"], .easter(offset: 50)),
        (["mothering", "sunday"], .easter(offset: -21)), (["lincoln", "'s", "birthday"], .fixed(month: 2, day: 12)),
        (["cyber", "monday"], .afterNth(4, weekday: 4, month: 11, days: 4)), (["loyalty", "day"], .fixed(month: 5, day: 1)),
        (["august", "bank", "holiday"], .nth(-1, weekday: 1, month: 8)), (["siblings", "day"], .fixed(month: 4, day: 10)),
        (["guy", "fawkes", "day"], .fixed(month: 11, day: 5)), (["guy", "fawkes", "night"], .fixed(month: 11, day: 5)),
        (["bonfire", "night"], .fixed(month: 11, day: 5)), (["world", "vegan", "day"], .fixed(month: 11, day: 1)),
        (["grandparents", "day"], .afterNth(1, weekday: 1, month: 9, days: 6)),
        (["national", "grandparents", "day"], .afterNth(1, weekday: 1, month: 9, days: 6)),
        (["military", "spouse", "day"], .afterNth(2, weekday: 7, month: 5, days: -2)),
        (["martin", "luther", "king", "'s", "day"], .nth(3, weekday: 1, month: 1)),
        (["st", "patrick", "day"], .fixed(month: 3, day: 17)), (["patrick", "'s", "day"], .fixed(month: 3, day: 17)),
        (["new", "year", "eve"], .fixed(month: 12, day: 31)), (["thanks", "giving"], .nth(4, weekday: 4, month: 11)),
        (["thanks", "giving", "day"], .nth(4, weekday: 4, month: 11)), (["int'l", "workers", "day"], .fixed(month: 5, day: 1)),
        (["int'l", "workers", "'", "day"], .fixed(month: 5, day: 1)), (["ides", "of", "march"], .fixed(month: 3, day: 15)),
        (["covenant", "thursday"], .easter(offset: -3)), (["covenant", "thu"], .easter(offset: -3)),
        (["thursday", "of", "mysteries"], .easter(offset: -3)), (["thu", "of", "mysteries"], .easter(offset: -3)),
        (["monday", "of", "the", "holy", "spirit"], .easter(offset: 50)), (["lei", "day"], .fixed(month: 5, day: 1)),
        (["daisy", "gatson", "bates", "day"], .nth(3, weekday: 1, month: 2)),
        (["daylight", "savings", "start", "day"], .nth(2, weekday: 7, month: 3)),
        (["daylight", "saving", "end", "day"], .nth(1, weekday: 7, month: 11)),
        (["martin", "luther", "kings", "day"], .nth(3, weekday: 1, month: 1)),
        (["abraham", "lincoln", "'s", "birthday"], .fixed(month: 2, day: 12)),
    ]

    /// Names grouped by first word, so a token that starts no name costs one dictionary lookup.
    static let byFirstWord: [String: [(words: [String], holiday: Holiday)]] = Dictionary(grouping: names) { $0.words[0] }
}
