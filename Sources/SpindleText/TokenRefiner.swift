/// Turns ICU's word segments of one whitespace-delimited chunk into UD-style tokens.
///
/// ICU gets most of English right and all of the scripts without spaces; what it lacks for news is
/// undone or added here: `U.S` + `.` becomes `U.S.`, `5` `:` `30` becomes `5:30`, `don't` becomes
/// `do` + `n't`, and URLs, e-mail addresses, hashtags and mentions stay whole.
struct TokenRefiner {
    let text: UnsafeBufferPointer<UInt16>
    let splitClitics: Bool

    init(text: UnsafeBufferPointer<UInt16>, splitClitics: Bool) {
        self.text = text
        self.splitClitics = splitClitics
    }

    /// Emits the tokens of chunk `[start, end)`, whose ICU segments start at `segments`.
    mutating func emitChunk(_ start: Int, _ end: Int, segments: [Int32], into output: inout [Int32]) {
        if let core = wholeTokenCore(start, end) {
            for i in start..<core.lowerBound { output.append(Int32(i)); output.append(Int32(i + 1)) }
            output.append(Int32(core.lowerBound)); output.append(Int32(core.upperBound))
            for i in core.upperBound..<end { output.append(Int32(i)); output.append(Int32(i + 1)) }
            return
        }
        var position = start
        var index = 0
        while position < end {
            // The ICU segment holding `position`; a merge may have ended inside one ("5:30pm").
            while index + 1 < segments.count, Int(segments[index + 1]) <= position { index += 1 }
            let segStart = position
            var segEnd = index + 1 < segments.count ? Int(segments[index + 1]) : end
            // Merges: abbreviations and initials with their period, times, runs of periods or dashes.
            if segEnd < end {
                if text[segEnd] == 0x2E, isAbbreviation(segStart, segEnd), periodEndsAbbreviation(segEnd + 1, end) {
                    segEnd += 1
                } else if text[segEnd] == 0x3A, isDigits(segStart, segEnd), segEnd + 3 <= end,
                          CharacterClass.isDigit(text[segEnd + 1]), CharacterClass.isDigit(text[segEnd + 2]),
                          segEnd + 3 == end || !CharacterClass.isDigit(text[segEnd + 3]) {
                    segEnd += 3
                } else if segEnd - segStart == 1, text[segStart] == 0x2E || text[segStart] == 0x2D {
                    while segEnd < end, text[segEnd] == text[segStart] { segEnd += 1 }
                }
            }
            if splitClitics, let split = cliticStart(segStart, segEnd) {
                output.append(Int32(segStart)); output.append(Int32(split))
                output.append(Int32(split)); output.append(Int32(segEnd))
            } else {
                output.append(Int32(segStart)); output.append(Int32(segEnd))
            }
            position = segEnd
        }
    }

    // MARK: Whole tokens

    /// The part of a chunk that is a URL, e-mail address, hashtag or mention, without the
    /// punctuation around it; nil when the chunk is none of these.
    private func wholeTokenCore(_ start: Int, _ end: Int) -> Range<Int>? {
        var hasAt = false, hasColonSlashSlash = false, hasDot = false
        var i = start
        while i < end {
            let unit = text[i]
            if unit == 0x40 { hasAt = true }
            else if unit == 0x2E { hasDot = true }
            else if unit == 0x3A, i + 2 < end, text[i + 1] == 0x2F, text[i + 2] == 0x2F { hasColonSlashSlash = true }
            i += 1
        }
        var lower = start
        while lower < end, CharacterClass.isOpening(text[lower]) { lower += 1 }
        var upper = end
        while upper > lower, CharacterClass.isTrailingPunctuation(text[upper - 1]) { upper -= 1 }
        // A closing bracket that belongs to the URL: keep it when an opening one is inside.
        guard upper - lower >= 2 else { return nil }
        let first = text[lower]
        if hasColonSlashSlash || startsWithWWW(lower, upper) { return lower..<upper }
        if hasAt, hasDot, first != 0x40, isEmail(lower, upper) { return lower..<upper }
        if (first == 0x23 || first == 0x40), CharacterClass.isLetter(text[lower + 1]) || CharacterClass.isDigit(text[lower + 1]) {
            var j = lower + 1
            while j < upper, CharacterClass.isLetter(text[j]) || CharacterClass.isDigit(text[j]) || text[j] == 0x5F { j += 1 }
            return j == upper ? lower..<upper : nil
        }
        return nil
    }

    private func startsWithWWW(_ start: Int, _ end: Int) -> Bool {
        end - start > 4 && CharacterClass.lower(text[start]) == 0x77 && CharacterClass.lower(text[start + 1]) == 0x77
            && CharacterClass.lower(text[start + 2]) == 0x77 && text[start + 3] == 0x2E
    }

    private func isEmail(_ start: Int, _ end: Int) -> Bool {
        var at = -1
        for i in start..<end where text[i] == 0x40 {
            if at >= 0 { return false }
            at = i
        }
        guard at > start, at < end - 3 else { return false }
        var dotAfter = false
        for i in (at + 1)..<end {
            let unit = text[i]
            if unit == 0x2E { dotAfter = true; continue }
            if !(CharacterClass.isLetter(unit) || CharacterClass.isDigit(unit) || unit == 0x2D) { return false }
        }
        return dotAfter && text[end - 1] != 0x2E
    }

    // MARK: Abbreviations

    private func isDigits(_ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 2 else { return false }
        for i in start..<end where !CharacterClass.isDigit(text[i]) { return false }
        return true
    }

    /// `U.S`, `e.g`, `p.m` (ICU leaves off the last period), a single-letter initial, or a known
    /// abbreviation such as `Mr` or `Feb`.
    private func isAbbreviation(_ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= 1, length <= 12 else { return false }
        var letters = 0, dots = 0
        for i in start..<end {
            let unit = text[i]
            if unit == 0x2E { dots += 1 } else if CharacterClass.isLetter(unit) { letters += 1 } else { return false }
        }
        if dots > 0 { return letters <= dots + 1 }
        if length == 1 { return CharacterClass.isUpper(text[start]) || CharacterClass.isLower(text[start]) }
        return Abbreviations.isKnown(text, start, end)
    }

    /// A period after an abbreviation belongs to it unless more text is glued on (`Mr.Smith`).
    private func periodEndsAbbreviation(_ after: Int, _ end: Int) -> Bool {
        after == end || !CharacterClass.isLetter(text[after])
    }

    // MARK: Clitics

    /// Where a clitic starts inside `[start, end)`: `n't`, `'s`, `'re`, `'ve`, `'ll`, `'m`, `'d`.
    private func cliticStart(_ start: Int, _ end: Int) -> Int? {
        let length = end - start
        guard length >= 3 else { return nil }
        let last = CharacterClass.lower(text[end - 1])
        if CharacterClass.isApostrophe(text[end - 2]), last == 0x73 || last == 0x6D || last == 0x64 {
            return CharacterClass.isLetter(text[end - 3]) || CharacterClass.isDigit(text[end - 3]) ? end - 2 : nil
        }
        guard length >= 4 else { return nil }
        let middle = CharacterClass.lower(text[end - 2])
        if CharacterClass.isApostrophe(text[end - 3]) {
            if (middle == 0x72 && last == 0x65) || (middle == 0x76 && last == 0x65) || (middle == 0x6C && last == 0x6C) {
                return end - 3
            }
        }
        if last == 0x74, CharacterClass.isApostrophe(text[end - 2]), CharacterClass.lower(text[end - 3]) == 0x6E {
            return end - 3
        }
        return nil
    }
}

/// English abbreviations that take a period and are not sentence ends by themselves.
enum Abbreviations {
    /// Lower-case forms; matched case-insensitively.
    static let known: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "co", "corp", "inc", "ltd", "llc", "bros",
        "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "vs", "etc", "al", "approx", "dept", "est", "fig", "figs", "vol", "vols", "pp", "no", "nos", "ca", "cf",
        "ave", "blvd", "rd", "hwy", "univ", "assn", "intl", "natl", "min", "max", "ed", "eds", "repr", "trans",
        "pl", "op", "cit", "ibid", "viz", "ch", "sec", "art",
    ]

    static func isKnown(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        var word = ""
        word.unicodeScalars.reserveCapacity(end - start)
        for i in start..<end {
            let unit = text[i]
            guard unit < 0x80 else { return false }
            word.unicodeScalars.append(Unicode.Scalar(UInt8(CharacterClass.lower(unit))))
        }
        return known.contains(word)
    }
}
