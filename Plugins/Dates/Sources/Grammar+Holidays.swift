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
        switch offset.map({ $0 == 0 ? Direction.none : ($0 < 0 ? .past : .future) }) ?? direction(range) {
        case .past: chosen = candidates.last { $0 < today }
        case .future: chosen = candidates.first { $0 > today }
        case .none:
            chosen = offset == 0 ? holiday.date(in: today.year)
                : candidates.min { abs($0.dayNumber - today.dayNumber) < abs($1.dayNumber - today.dayNumber) }
        }
        guard let chosen else { return nil }
        return Found(range: range, type: .date, value: chosen.dayValue, isDay: true)
    }
}
