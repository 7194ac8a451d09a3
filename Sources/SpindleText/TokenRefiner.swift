/// Turns ICU's word segments of one whitespace-delimited chunk into UD-style tokens.
///
/// ICU gets most of English right and all of the scripts without spaces; what it lacks for UD is
/// undone or added here. The rules read UTF-16 units of the whole text, so one may look past its chunk
/// (`No.` takes its period only before a number), and none allocates: this runs once per token.
struct TokenRefiner {
    let text: UnsafeBufferPointer<UInt16>
    let splitClitics: Bool
    /// Whether the text has an `@` anywhere; most have none, which spares looking for one in each chunk.
    private let hasAt: Bool

    init(text: UnsafeBufferPointer<UInt16>, splitClitics: Bool) {
        self.text = text
        self.splitClitics = splitClitics
        // Branch-free, so that it vectorizes.
        var found: UInt16 = 0
        for unit in text { found |= unit == 0x40 ? 1 : 0 }
        hasAt = found != 0
    }

    /// Emits the tokens of chunk `[start, end)`, whose ICU segments end at `segmentEnds`.
    func emitChunk(_ start: Int, _ end: Int, segmentEnds: UnsafeBufferPointer<Int32>, into output: inout [Int32]) {
        var segment = 0
        var position = start
        // A whole token begins at `@`, `#`, the `:` of `://` or `www.`. ICU breaks before all of these but
        // `@` (it keeps `me@example.com` whole), so unless the chunk holds an `@`, only the starts of
        // segments need a look.
        let everyUnit = hasAt && UnsafeBufferPointer(rebasing: text[start..<end]).contains(0x40)
        var candidate = start
        var next = 0
        while candidate < end {
            let unit = text[candidate]
            if candidate >= position, unit == 0x40 || unit == 0x23 || unit == 0x3A || unit | 0x20 == 0x77,
               let whole = wholeToken(at: candidate, from: position, end) {
                refine(position, whole.lowerBound, segmentEnds: segmentEnds, segment: &segment, into: &output)
                output.append(Int32(whole.lowerBound))
                output.append(Int32(whole.upperBound))
                position = whole.upperBound
            }
            if everyUnit {
                candidate += 1
            } else {
                candidate = Int(segmentEnds[next])
                next += 1
            }
        }
        refine(position, end, segmentEnds: segmentEnds, segment: &segment, into: &output)
    }

    /// Emits the tokens of `[start, end)`, ICU's segments merged or cut where UD wants it.
    private func refine(_ start: Int, _ end: Int, segmentEnds: UnsafeBufferPointer<Int32>, segment: inout Int,
                        into output: inout [Int32]) {
        var position = start
        while position < end {
            // The ICU segment holding `position`; a token may have ended inside one (`5:30pm`, `39K`).
            while Int(segmentEnds[segment]) <= position { segment += 1 }
            let segmentEnd = min(Int(segmentEnds[segment]), end)
            let first = text[position]
            let tokenEnd: Int
            if CharacterClass.isDigit(first) {
                tokenEnd = numberEnd(position, segmentEnd, end)
            } else if CharacterClass.isLetter(first) {
                tokenEnd = wordEnd(position, segmentEnd, end)
            } else {
                tokenEnd = symbolEnd(position, segmentEnd, end)
            }
            if splitClitics, let split = cliticStart(position, tokenEnd) {
                output.append(Int32(position)); output.append(Int32(split))
                output.append(Int32(split)); output.append(Int32(tokenEnd))
            } else {
                output.append(Int32(position)); output.append(Int32(tokenEnd))
            }
            position = tokenEnd
        }
    }

    // MARK: Numbers

    /// Where a token that starts with a digit ends: times, dates and phone numbers whole, units apart.
    private func numberEnd(_ start: Int, _ segmentEnd: Int, _ end: Int) -> Int {
        // ICU's number: digits with inner `.` and `,`, maybe letters after (`1990s`, `39K`, `2nd`).
        var digitsEnd = start
        while digitsEnd < segmentEnd {
            let unit = text[digitsEnd]
            if !CharacterClass.isDigit(unit) {
                guard digitsEnd + 1 < segmentEnd, CharacterClass.isDigit(text[digitsEnd + 1]) else { break }
                // A comma separates thousands; ICU also joins lists (`[13,14]`), which UD splits.
                guard unit == 0x2E || (unit == 0x2C && isThousands(digitsEnd + 1, segmentEnd)) else { break }
            }
            digitsEnd += 1
        }
        if digitsEnd < segmentEnd {
            if text[digitsEnd] == 0x2C { return digitsEnd }
            // A unit (`39K`) or a word glued on (`20years`) is a token of its own; `1990s` or `2nd` is not.
            let glued = segmentEnd - digitsEnd >= 4 && isLowerCase(digitsEnd, segmentEnd)
            return glued || Abbreviations.isUnit(text, digitsEnd, segmentEnd) ? digitsEnd : segmentEnd
        }
        guard segmentEnd < end else { return segmentEnd }
        switch text[segmentEnd] {
        case 0x2E where segmentEnd + 1 == end && segmentEnd - start <= 5 && startsLine(start):
            // The number of a list item or heading at the start of a line: `2.`, `2.1.`
            return segmentEnd + 1
        case 0x2E:
            return fileExtensionEnd(segmentEnd, end) ?? segmentEnd
        case 0x3A where segmentEnd - start <= 2 && isDigits(start, segmentEnd):
            // `5:30`, `03:14:14`; a longer run of colons is a reference (`9:25:3`) or worse, left split.
            var e = segmentEnd
            var groups = 0
            while groups < 2, e + 3 <= end, text[e] == 0x3A, CharacterClass.isDigit(text[e + 1]),
                  CharacterClass.isDigit(text[e + 2]), e + 3 == end || !CharacterClass.isDigit(text[e + 3]) {
                e += 3
                groups += 1
            }
            return e
        case 0x2F:
            // Dates, fractions and phone numbers stay whole (`02/13/2001`, `3/4`, `503/464-7927`); two years
            // (`2001/02`) and scores (`20/20`) are split.
            let (groupsEnd, groups, lastStart) = digitGroupsEnd(segmentEnd, end, separator: 0x2F)
            if groups == 2, segmentEnd - start == 4
                || (segmentEnd - start <= 2 && groupsEnd - lastStart <= 2 && value(start, segmentEnd) > 12
                    && value(lastStart, groupsEnd) > 12) {
                return segmentEnd
            }
            let (phoneEnd, phoneGroups, _) = digitGroupsEnd(groupsEnd, end, separator: 0x2D)
            return phoneGroups > 1 ? phoneEnd : groupsEnd
        case 0x2D:
            // Phone numbers, ISO dates and codes stay whole (`853-3242`, `2005-03-09`, `36-01`); ranges split
            // (`3-5`, `400-500`, `1990-1995`, `1776-77`), as UD reads them as two numbers and a dash.
            let (groupsEnd, groups, lastStart) = digitGroupsEnd(segmentEnd, end, separator: 0x2D)
            if groups >= 3 { return groupsEnd }
            guard groups == 2 else { return segmentEnd }
            let left = segmentEnd - start, right = groupsEnd - lastStart
            let whole = left != 4 && (right >= 4 || (right >= 2 && text[lastStart] == 0x30))
            return whole && (groupsEnd == end || !CharacterClass.isLetter(text[groupsEnd])) ? groupsEnd : segmentEnd
        case 0x27, 0x2019:
            // `the 1990's`, `under 12's`: ICU splits a clitic after digits; UD keeps it like any `'s`.
            if segmentEnd + 2 <= end, CharacterClass.lower(text[segmentEnd + 1]) == 0x73,
               segmentEnd + 2 == end || !CharacterClass.isLetter(text[segmentEnd + 2]) {
                return segmentEnd + 2
            }
            return segmentEnd
        default:
            return segmentEnd
        }
    }

    /// The end of `separator`-joined digit groups after a first group ending at `from`, how many groups
    /// there are, and where the last one starts.
    private func digitGroupsEnd(_ from: Int, _ end: Int, separator: UInt16) -> (end: Int, groups: Int, lastStart: Int) {
        var e = from
        var groups = 1
        var lastStart = from
        while e + 1 < end, text[e] == separator, CharacterClass.isDigit(text[e + 1]) {
            lastStart = e + 1
            e += 2
            while e < end, CharacterClass.isDigit(text[e]) { e += 1 }
            groups += 1
        }
        return (e, groups, lastStart)
    }

    /// Whether exactly three digits start at `start`, as after a thousands separator.
    private func isThousands(_ start: Int, _ end: Int) -> Bool {
        start + 3 <= end && isDigits(start, start + 3) && (start + 3 == end || !CharacterClass.isDigit(text[start + 3]))
    }

    /// Whether only spaces stand between the start of a line and `index`.
    private func startsLine(_ index: Int) -> Bool {
        var i = index
        while i > 0, CharacterClass.isWhitespace(text[i - 1]) {
            if CharacterClass.isLineBreak(text[i - 1]) { return true }
            i -= 1
        }
        return i == 0
    }

    /// The value of the digits `[start, end)`; callers pass at most two.
    private func value(_ start: Int, _ end: Int) -> Int {
        var result = 0
        for i in start..<end { result = result * 10 + Int(text[i] &- 0x30) }
        return result
    }

    /// The end of a file extension after the period at `dot` (`.doc`, `.pdf`), or nil.
    private func fileExtensionEnd(_ dot: Int, _ end: Int) -> Int? {
        var e = dot + 1
        while e < end, e - dot <= 5, CharacterClass.isASCIILetter(text[e]) { e += 1 }
        guard e == end || !isWordUnit(text[e]), Abbreviations.isFileExtension(text, dot + 1, e) else { return nil }
        return e
    }

    private func isDigits(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !CharacterClass.isDigit(text[i]) { return false }
        return end > start
    }

    // MARK: Words

    /// Where a token that starts with a letter ends: abbreviations take their period, bound prefixes
    /// their hyphen and word (`e-mail`, `non-profit`), a cut-off word its hyphen (`th- the`).
    private func wordEnd(_ start: Int, _ segmentEnd: Int, _ end: Int) -> Int {
        guard segmentEnd < end else { return segmentEnd }
        switch text[segmentEnd] {
        case 0x2E:
            if let kind = abbreviation(start, segmentEnd), periodBelongs(to: kind, start, after: segmentEnd + 1, end) {
                return segmentEnd + 1
            }
            // A file name ICU broke at its period (`Sam3102.doc`).
            if let e = fileExtensionEnd(segmentEnd, end) { return e }
        case 0x2D:
            if segmentEnd + 1 == end || isClause(text[segmentEnd + 1]) {
                if isCutOff(start, segmentEnd, end) { return segmentEnd + 1 }
            } else if CharacterClass.isLetter(text[segmentEnd + 1]), Abbreviations.isPrefix(text, start, segmentEnd) {
                var e = segmentEnd + 1
                while e < end, CharacterClass.isLetter(text[e])
                    || (CharacterClass.isApostrophe(text[e]) && e + 1 < end && CharacterClass.isLetter(text[e + 1])) {
                    e += 1
                }
                return e
            }
        case 0x2F where segmentEnd - start == 1:
            // `b/c`, `w/o`, `f/b/o`: letters abbreviating words; longer words around a slash are split.
            var e = segmentEnd
            while e + 2 <= end, text[e] == 0x2F, CharacterClass.isASCIILetter(text[e + 1]),
                  e + 2 == end || !isWordUnit(text[e + 2]) {
                e += 2
            }
            return e
        case 0x26 where segmentEnd - start <= 3 && isUpperCase(start, segmentEnd):
            // Initials joined by `&`: `AT&T`, `P&L`, `R&D`.
            var e = segmentEnd + 1
            while e < end, e - segmentEnd <= 4, CharacterClass.isUpper(text[e]) { e += 1 }
            if e > segmentEnd + 1, e - segmentEnd <= 4, e == end || !isWordUnit(text[e]) { return e }
        case 0x24 where segmentEnd - start <= 3 && isUpperCase(start, segmentEnd):
            // A currency sign with its country: `US$`, `HK$`.
            return segmentEnd + 1
        case 0x27, 0x2019:
            // The plural possessive (`the states' rights`) is one UD surface token, unless it closes a quote.
            if !splitClitics, segmentEnd - start >= 2, CharacterClass.lower(text[segmentEnd - 1]) == 0x73,
               segmentEnd + 1 == end || !isWordUnit(text[segmentEnd + 1]), !closesQuote(segmentEnd) {
                return segmentEnd + 1
            }
        default:
            break
        }
        return segmentEnd
    }

    private func isUpperCase(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !CharacterClass.isUpper(text[i]) { return false }
        return true
    }

    private func isLowerCase(_ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !CharacterClass.isLower(text[i]) { return false }
        return true
    }

    /// `U.S`, `e.g`, `Ph.D` (ICU leaves off the last period), a single-letter initial, or a known
    /// abbreviation such as `Mr` or `Feb`.
    private func abbreviation(_ start: Int, _ end: Int) -> Abbreviations.Kind? {
        let length = end - start
        guard length <= 12 else { return nil }
        var dots = 0, part = 0
        for i in start..<end {
            let unit = text[i]
            if unit == 0x2E {
                dots += 1
                part = 0
            } else if CharacterClass.isASCIILetter(unit) {
                part += 1
                // Longer parts are domain names (`cnn.com`) or missing spaces (`Dr.Smith`).
                if part > 2 && dots > 0 { return nil }
            } else {
                return nil
            }
        }
        if dots > 0 { return part > 0 ? .always : nil }
        if length == 1 { return start == 0 || !isWordUnit(text[start - 1]) ? .always : nil }
        return Abbreviations.kind(text, start, end)
    }

    /// Whether the period after the abbreviation `[start, after - 1)` belongs to it: not when more text is
    /// glued on (`Mr.Smith`, `etc...`), nor at the end of a line or the text, where UD gives the sentence
    /// its own period; for words like `No` or `Fig` only before a number.
    private func periodBelongs(to kind: Abbreviations.Kind, _ start: Int, after: Int, _ end: Int) -> Bool {
        // `Inc..` is `Inc.` and a period, `etc...` is `etc` and an ellipsis.
        guard after == end || !(CharacterClass.isLetter(text[after])
            || (text[after] == 0x2E && after + 1 < end && text[after + 1] == 0x2E)) else { return false }
        var next = after
        while next < text.count, next < after + 8, CharacterClass.isWhitespace(text[next]), !CharacterClass.isLineBreak(text[next]) {
            next += 1
        }
        guard next < text.count, !CharacterClass.isLineBreak(text[next]) else { return false }
        switch kind {
        case .always: return true
        case .beforeNumber: return CharacterClass.isDigit(text[next])
        case .capitalized: return CharacterClass.isUpper(text[start])
        case .notBeforeCapital: return !CharacterClass.isUpper(text[next])
        }
    }

    /// A word broken off with a hyphen in speech: before punctuation (`wh-,`), a dash (`af- --`), its own
    /// repair (`Stoddar- Stoddart`), or short and lower-case (`thr- three`). Other words before a hyphen
    /// and a space use it as a dash (`great service- high class`, `Joe- a few things`).
    private func isCutOff(_ start: Int, _ hyphen: Int, _ end: Int) -> Bool {
        guard CharacterClass.isASCIILetter(text[start]), CharacterClass.isASCIILetter(text[hyphen - 1]) else { return false }
        if hyphen + 1 < end { return true }
        var next = hyphen + 1
        while next < text.count, next < hyphen + 4, CharacterClass.isWhitespace(text[next]) { next += 1 }
        if next < text.count, CharacterClass.isDash(text[next]) { return true }
        let length = hyphen - start
        if length == 1 || (length <= 3 && CharacterClass.isLower(text[start]) && CharacterClass.isLower(text[hyphen - 1])) {
            return true
        }
        // The repair starts with the broken word.
        guard next + length < text.count else { return false }
        for i in 0..<length where CharacterClass.lower(text[start + i]) != CharacterClass.lower(text[next + i]) { return false }
        return true
    }

    /// Whether the apostrophe at `index` closes a single quote opened earlier on its line.
    private func closesQuote(_ index: Int) -> Bool {
        let opening: UInt16 = text[index] == 0x2019 ? 0x2018 : 0x27
        var i = index - 1
        while i >= 0, i > index - 400, text[i] != 0x0A {
            if text[i] == opening, i + 1 < index, CharacterClass.isLetter(text[i + 1]),
               i == 0 || !isWordUnit(text[i - 1]) {
                return true
            }
            i -= 1
        }
        return false
    }

    // MARK: Symbols

    /// Where a token that starts with a mark ends: emoticons, runs of a mark (`...`, `!!`, `?!`, `$$$`,
    /// `----`, `''`, `’’`), and numbers that start with a mark (`.265`, `+852`, `'99`).
    private func symbolEnd(_ start: Int, _ segmentEnd: Int, _ end: Int) -> Int {
        let first = text[start]
        let next: UInt16 = start + 1 < end ? text[start + 1] : 0
        // A mark with combining marks or an emoji keycap (`#️⃣`) is one character, as ICU has it.
        if CharacterClass.isCombining(next) { return segmentEnd }
        if let emoticon = emoticonEnd(start, end) { return emoticon }
        let opensWord = start == 0 || !(isWordUnit(text[start - 1]) || text[start - 1] == 0x2E)
        if (first == 0x2E || first == 0x2B) && CharacterClass.isDigit(next) && opensWord {
            // A decimal without its zero (`.265`) or an international phone number (`+1602275-4958`).
            var e = start + 1
            while e < end, CharacterClass.isDigit(text[e])
                || (first == 0x2B && text[e] == 0x2D && e + 1 < end && CharacterClass.isDigit(text[e + 1])) {
                e += 1
            }
            return e
        }
        if first == 0x2E, let e = fileExtensionEnd(start, end) {
            // A file name's extension after a mark: `draft).doc`.
            return e
        }
        if CharacterClass.isSentenceFinal(first) {
            var e = start + 1
            while e < end, CharacterClass.isSentenceFinal(text[e]) { e += 1 }
            return e
        }
        if CharacterClass.isApostrophe(first), start + 3 <= end, CharacterClass.isDigit(next),
           CharacterClass.isDigit(text[start + 2]), start == 0 || !isWordUnit(text[start - 1]) {
            // A year with its century left off: `'99`, `’70s`, `'60's`.
            var e = start + 3
            if e < end, text[e] == 0x73 {
                e += 1
            } else if e + 2 <= end, CharacterClass.isApostrophe(text[e]), text[e + 1] == 0x73 {
                e += 2
            }
            if e == end || !isWordUnit(text[e]) { return e }
        }
        if (first == 0x2018 || first == 0x2019) && (next == 0x2018 || next == 0x2019) {
            var e = start + 2
            while e < end, text[e] == 0x2018 || text[e] == 0x2019 { e += 1 }
            return e
        }
        if (first == 0x5E || first == 0x2D) && next == 0x5F && start + 3 <= end && text[start + 2] == first {
            // `^_^`, `-_-`
            return start + 3
        }
        if CharacterClass.isRepeatable(first) {
            let rule = first == 0x2D || first == 0x3D
            var e = start + 1
            while e < end, text[e] == first || (rule && (text[e] == 0x2D || text[e] == 0x3D)) { e += 1 }
            return e
        }
        // ICU never joins an ASCII mark to what follows, but a token may end inside a segment (`13|,14`).
        return first < 0x80 ? start + 1 : segmentEnd
    }

    /// The end of an emoticon at `start`: `:)`, `;-)`, `:D`, `=(`, `:'(`, `:))`, `<3`.
    private func emoticonEnd(_ start: Int, _ end: Int) -> Int? {
        let eyes = text[start]
        guard eyes == 0x3A || eyes == 0x3B || eyes == 0x3D || eyes == 0x3C, start + 2 <= end else { return nil }
        var e = start + 1
        if eyes == 0x3C {
            guard text[e] == 0x33 else { return nil }
            e += 1
        } else {
            if text[e] == 0x2D || text[e] == 0x27, e + 1 < end { e += 1 }
            let mouth = text[e]
            guard CharacterClass.isMouth(mouth) else { return nil }
            e += 1
            while e < end, text[e] == mouth { e += 1 }
            if mouth == 0x2F, e < end, text[e] == 0x2F { return nil }
        }
        guard e == end || !isWordUnit(text[e]) else { return nil }
        // After a word only a smile that ends the chunk (`fun:)`); `x=3`, `1:3` and `a=(b)` are no faces.
        if start > 0, isWordUnit(text[start - 1]) {
            let mouth = text[e - 1]
            guard e == end, eyes != 0x3D, mouth == 0x28 || mouth == 0x29 || mouth == 0x5B || mouth == 0x5D,
                  !CharacterClass.isDigit(text[start - 1]) else { return nil }
        }
        return e
    }

    // MARK: Whole tokens

    /// A URL, e-mail address, hashtag or mention starting at `index`, or holding the `@` or `://` at
    /// `index`, not reaching before `lowest`.
    private func wholeToken(at index: Int, from lowest: Int, _ end: Int) -> Range<Int>? {
        switch text[index] {
        case 0x3A:
            guard index + 3 < end, text[index + 1] == 0x2F, text[index + 2] == 0x2F else { return nil }
            var lower = index
            while lower > lowest, CharacterClass.isASCIILetter(text[lower - 1]) { lower -= 1 }
            guard lower < index else { return nil }
            return urlEnd(lower, index + 3, end).map { lower..<$0 }
        case 0x57, 0x77:
            guard index + 4 < end, CharacterClass.lower(text[index + 1]) == 0x77, CharacterClass.lower(text[index + 2]) == 0x77,
                  text[index + 3] == 0x2E, isWordUnit(text[index + 4]), index == lowest || !isWordUnit(text[index - 1])
            else { return nil }
            return urlEnd(index, index + 4, end).map { index..<$0 }
        case 0x40:
            var lower = index
            while lower > lowest, CharacterClass.isEmailLocal(text[lower - 1]) { lower -= 1 }
            while lower < index, text[lower] == 0x2E { lower += 1 }
            if lower < index {
                // `mailto:` belongs to the address it prefixes.
                if lower >= lowest + 7, text[lower - 1] == 0x3A, Abbreviations.isMailto(text, lower - 7, lower - 1) {
                    lower -= 7
                }
                return emailEnd(index, end).map { lower..<$0 }
            }
            return handleEnd(index, lowest, end, isHashtag: false).map { index..<$0 }
        case 0x23:
            return handleEnd(index, lowest, end, isHashtag: true).map { index..<$0 }
        default:
            return nil
        }
    }

    /// The end of a URL whose address starts at `body`, less the punctuation after it; a closing
    /// bracket stays when the URL opened one (`wiki/Mercury_(planet)`).
    private func urlEnd(_ start: Int, _ body: Int, _ end: Int) -> Int? {
        var upper = body
        var open = 0
        while upper < end, !CharacterClass.endsURL(text[upper]) {
            if text[upper] == 0x28 { open += 1 } else if text[upper] == 0x29 { open -= 1 }
            upper += 1
        }
        while upper > body {
            let unit = text[upper - 1]
            if unit == 0x29 {
                guard open < 0 else { break }
                open += 1
            } else if !CharacterClass.isTrailingPunctuation(unit) {
                break
            }
            upper -= 1
        }
        return upper > body ? upper : nil
    }

    /// The end of the domain of an e-mail address whose `@` is at `at`.
    private func emailEnd(_ at: Int, _ end: Int) -> Int? {
        var upper = at + 1
        while upper < end, isWordUnit(text[upper]) || text[upper] == 0x2D || text[upper] == 0x2E { upper += 1 }
        while upper > at + 1, text[upper - 1] == 0x2E || text[upper - 1] == 0x2D { upper -= 1 }
        guard upper - at > 3 else { return nil }
        for i in (at + 2)..<(upper - 1) where text[i] == 0x2E { return upper }
        return nil
    }

    /// The end of `@name` or `#tag` at `start`, which must begin a word. A hashtag needs a letter (`#1` is a
    /// number sign and a number); a mention may be a domain (`@example.com`).
    private func handleEnd(_ start: Int, _ lowest: Int, _ end: Int, isHashtag: Bool) -> Int? {
        guard start == lowest || !isWordUnit(text[start - 1]) else { return nil }
        var e = start + 1
        var letters = false
        while e < end {
            if CharacterClass.isHandle(text[e]) {
                if !CharacterClass.isDigit(text[e]) && text[e] != 0x5F { letters = true }
            } else if isHashtag || text[e] != 0x2E || e + 1 == end || !CharacterClass.isHandle(text[e + 1]) {
                break
            }
            e += 1
        }
        return e > start + 1 && (letters || !isHashtag) ? e : nil
    }

    /// Punctuation that ends a clause or sentence.
    private func isClause(_ unit: UInt16) -> Bool {
        unit == 0x2C || unit == 0x2E || unit == 0x3F || unit == 0x21 || unit == 0x3B || unit == 0x3A
    }

    private func isWordUnit(_ unit: UInt16) -> Bool {
        CharacterClass.isLetter(unit) || CharacterClass.isDigit(unit)
    }

    // MARK: Clitics

    /// Where a clitic starts inside `[start, end)`: `n't`, `'s`, `'re`, `'ve`, `'ll`, `'m`, `'d`.
    private func cliticStart(_ start: Int, _ end: Int) -> Int? {
        let length = end - start
        guard length >= 3 else { return nil }
        let last = CharacterClass.lower(text[end - 1])
        if CharacterClass.isApostrophe(text[end - 2]), last == 0x73 || last == 0x6D || last == 0x64 {
            return isWordUnit(text[end - 3]) ? end - 2 : nil
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

/// The refiner's word lists (abbreviations, bound prefixes, units, file extensions), looked up by their
/// lower-case ASCII letters packed into an integer, so a lookup builds no string.
enum Abbreviations {
    enum Kind {
        /// The period always belongs to the word: `Mr.`, `Feb.`, `Dept.`
        case always
        /// Abbreviations that are also ordinary words take the period only before a number: `No. 5`, `Fig. 3`.
        case beforeNumber
        /// ... or when capitalized: `Sun.` and `Wash.`, not `the sun.` or `wash.`
        case capitalized
        /// Abbreviations that often end a sentence give the period to the sentence before a capital:
        /// `etc. The`, `Acme Inc. It`, but `etc.)`, `Acme Inc. said`.
        case notBeforeCapital
    }

    private static let always = [
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "sr", "jr", "st", "mt", "ft", "co", "bros", "sen",
        "reps", "gov", "govt", "lt", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "supt", "jan", "feb", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "vs",
        "approx", "dept", "div", "est", "ave", "blvd", "rd", "hwy", "univ", "assn", "assoc", "intl", "natl", "ed",
        "eds", "eng", "conf", "para", "repr", "ibid", "viz", "cf", "ca", "ext", "tel", "attn", "mgr", "misc", "esp",
        "tbsp", "tsp", "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "kan", "kans", "ky", "md", "mich",
        "minn", "mont", "neb", "nev", "okla", "penn", "tenn", "tex", "vt", "wis", "wyo",
    ]
    private static let notBeforeCapital = [
        "etc", "al", "inc", "ltd", "llc", "corp", "eg", "ie", "yr", "yrs", "hr", "hrs", "mins", "oz", "lb", "lbs",
    ]
    private static let capitalized = [
        "gen", "rep", "col", "rev", "hon", "pres", "mar", "wed", "sat", "sun", "cal", "del", "ga", "ill", "ind", "la",
        "mass", "miss", "mo", "ore", "pa", "va", "wash",
    ]
    private static let beforeNumber = [
        "no", "nos", "art", "fig", "figs", "vol", "vols", "pp", "sec", "ch", "op", "min", "max", "pt", "pl",
    ]
    /// Prefixes UD keeps with their hyphenated word (`e-mail`, `non-profit`, `re-elect`); compounds of
    /// free words (`self-driven`, `two-state`) are split.
    private static let prefixes = [
        "e", "non", "re", "pre", "pro", "mis", "anti", "semi", "post", "co", "un", "counter", "cross", "over",
        "multi", "inter", "intra", "sub", "ex", "mid", "bi", "tri", "quasi", "pseudo", "ultra", "super", "mega",
        "micro", "macro", "mini", "socio", "psycho", "arch", "de", "dis",
    ]
    /// Units written against their number, which UD splits off: `39K`, `$3M`, `8GB`, `5pm`, ...
    private static let units = ["k", "m", "b", "bn", "g", "kb", "mb", "gb", "tb", "am", "pm", "mph", "kph"]
    /// ... and `375mm`, `24hrs`, only in lower case: `10MM` is ten million.
    private static let lowerCaseUnits = [
        "mm", "cm", "km", "kg", "mg", "ml", "lb", "lbs", "oz", "hr", "hrs", "min", "mins", "ms", "day", "days", "yr", "yrs",
    ]

    private static let kinds: [UInt64: Kind] = {
        var kinds: [UInt64: Kind] = [:]
        for word in always { kinds[key(word)] = .always }
        for word in beforeNumber { kinds[key(word)] = .beforeNumber }
        for word in capitalized { kinds[key(word)] = .capitalized }
        for word in notBeforeCapital { kinds[key(word)] = .notBeforeCapital }
        return kinds
    }()
    private static let prefixKeys = Set(prefixes.map(key))
    private static let mailtoKey = key("mailto")
    private static let fileExtensionKeys = Set([
        "doc", "docx", "pdf", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "htm", "html", "xml", "csv", "jpg", "jpeg",
        "png", "gif", "zip", "wav", "exe", "wpd", "msg",
    ].map(key))
    private static let unitKeys = Set(units.map(key))
    private static let lowerCaseUnitKeys = Set(lowerCaseUnits.map(key))

    static func kind(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Kind? {
        key(text, start, end).flatMap { kinds[$0] }
    }

    static func isPrefix(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        key(text, start, end).map(prefixKeys.contains) ?? false
    }

    static func isFileExtension(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        key(text, start, end).map(fileExtensionKeys.contains) ?? false
    }

    static func isMailto(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        key(text, start, end) == mailtoKey
    }

    static func isUnit(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        guard let key = key(text, start, end) else { return false }
        return unitKeys.contains(key) || (CharacterClass.isLower(text[start]) && lowerCaseUnitKeys.contains(key))
    }

    /// Up to eight ASCII letters, lower-cased, one per byte; nil for anything longer or not a letter.
    private static func key(_ text: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> UInt64? {
        guard end > start, end - start <= 8 else { return nil }
        var key: UInt64 = 0
        for i in start..<end {
            guard CharacterClass.isASCIILetter(text[i]) else { return nil }
            key = key << 8 | UInt64(CharacterClass.lower(text[i]))
        }
        return key
    }

    private static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
