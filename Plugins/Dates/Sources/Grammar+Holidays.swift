/// Holidays by name, resolved to their date in the year the text means.
extension Grammar {
    /// Holidays, with a year ("Christmas 2021"), a modifier ("last Christmas") or the tense.
    func holiday(at index: Int) -> Found? {
        var start = index
        var offset: Int?
        switch words[index] {
        case "last", "past", "previous": offset = -1
        case "next", "coming", "following", "upcoming": offset = 1
        case "this": offset = 0
        default: break
        }
        if offset != nil { start += 1 }
        guard let names = Holiday.byFirstWord[words[start]] else { return nil }
        var best: (holiday: Holiday, end: Int)?
        for name in names where name.words.count > (best.map { $0.end - start } ?? 0) {
            if name.words.indices.allSatisfy({ words[start + $0] == name.words[$0] }) {
                best = (name.holiday, start + name.words.count)
            }
        }
        guard let (holiday, end) = best else { return nil }
        var next = end
        if words[next] == "," || words[next] == "of" { next += 1 }
        if offset == nil, let year = yearNumber(at: next, strict: false), let date = holiday.date(in: year) {
            return Found(range: index..<(next + 1), type: .date, value: date.dayValue, isDay: true)
        }
        // "Easter Sunday two thousand ten".
        if offset == nil, let (year, yearEnd) = wordYear(at: next), let date = holiday.date(in: year) {
            return Found(range: index..<yearEnd, type: .date, value: date.dayValue, isDay: true)
        }
        // "Memorial Day of last year", "Christmas next year".
        if offset == nil, let anchor, words[next + 1] == "year",
           let shift = ["last": -1, "previous": -1, "this": 0, "next": 1][words[next]],
           let date = holiday.date(in: anchor.date.year + shift) {
            return Found(range: index..<(next + 2), type: .date, value: date.dayValue, isDay: true)
        }
        // "Thanksgiving in three years": the holiday of the year so many years on.
        if offset == nil, let anchor, let (years, yearsEnd) = yearsAhead(at: next), let date = holiday.date(in: anchor.date.year + years) {
            return Found(range: index..<yearsEnd, type: .date, value: date.dayValue, isDay: true)
        }
        let range = index..<end
        guard let anchor else {
            if case .fixed(let month, let day) = holiday {
                return Found(range: range, type: .date, value: "XXXX-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2), isDay: true)
            }
            return Found(range: range, type: .date, value: "XXXX-XX-XX", isDay: true)
        }
        let today = anchor.date
        let candidates = [today.year - 1, today.year, today.year + 1].compactMap { holiday.date(in: $0) }
        let chosen: CivilDate?
        switch offset {
        // "last Christmas" said on Christmas Day is the year before's; "next Christmas" the year after's.
        case .some(let shift) where shift < 0: chosen = candidates.last { $0 < today }
        case .some(let shift) where shift > 0: chosen = candidates.first { $0 > today }
        // "this Christmas" is the coming one, as "this Friday" is, unless the sentence looks back
        // ("this Easter was quiet", written in May).
        case .some: chosen = direction(range) == .past ? candidates.last(where: { $0 <= today }) : candidates.first(where: { $0 >= today })
        // By the tense, a holiday on the anchor's own day is that day, as a month-day is.
        case .none: chosen = choose(candidates, direction: direction(range), from: today)
        }
        guard let chosen else { return nil }
        return Found(range: range, type: .date, value: chosen.dayValue, isDay: true)
    }

    /// "in a year", "in 3 years" after a holiday or month without a year: how many years on.
    func yearsAhead(at index: Int) -> (years: Int, end: Int)? {
        guard words[index] == "in", mayBeAmount(index + 1), let amount = compoundAmount(at: index + 1, glued: false),
              amount.parts.count == 1, amount.parts[0].unit.code == "Y", let value = amount.parts[0].amount.value,
              value == value.rounded(), value >= 1, value < 100 else { return nil }
        return (Int(value), amount.end)
    }
}
