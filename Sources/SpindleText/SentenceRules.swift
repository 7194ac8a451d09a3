/// The sentence rules ICU lacks for English news, decided for each gap between two tokens.
///
/// ICU's `en@ss=standard` is the fallback; these rules overrule it where it is known to be wrong:
/// line and paragraph breaks, list items, initials and abbreviations, ellipses, exclamation marks
/// inside a sentence (`Yahoo! in`), quotes and citation markers after the end of a sentence. All
/// checks read UTF-16 units around the gap, so a gap costs a few comparisons and no allocation.
struct SentenceRules {
    let text: UnsafeBufferPointer<UInt16>
    /// UTF-16 offsets of each token's start and end.
    let starts: [Int]
    let ends: [Int]
    /// Per token, what list items decide for the gap before it: +1 a break (an item starts), -1 no
    /// break (inside or right after a list marker or bullet), 0 nothing.
    private var listGaps: [Int8]

    init(text: UnsafeBufferPointer<UInt16>, starts: [Int], ends: [Int]) {
        self.text = text
        self.starts = starts
        self.ends = ends
        self.listGaps = [Int8](repeating: 0, count: starts.count + 1)
        markListItems()
    }

    /// How far the rules look past quotes, brackets, references and dots around a gap. Bounding it
    /// keeps runs like `))))))` or `. . . . . .` from costing time quadratic in their length.
    static let reach = 16

    /// Whether a sentence ends between token `index - 1` and token `index`. `icu` says whether ICU
    /// breaks there; `length` is how many tokens the current sentence already has.
    func breaks(before index: Int, icu: Bool, length: Int) -> Bool {
        let left = ends[index - 1], right = starts[index]
        // Most gaps are one space after a word or comma, where only the list rules may overrule ICU.
        if right == left + 1, text[left] == 0x20, CharacterClass.isASCIILetter(text[left - 1]) || text[left - 1] == 0x2C {
            return listGaps[index] == 0 ? icu : listGaps[index] > 0
        }
        switch lineBreaks(left, right) {
        case 0: break
        case 1:
            // A line without final punctuation (a headline) ends the sentence, unless the next line
            // goes on in lower case or with punctuation: then the line was only wrapped.
            return hasTerminator(before: left) || !continuesLine(at: right)
        default:
            return true
        }
        if listGaps[index] != 0 { return listGaps[index] > 0 }
        let glued = left == right
        // Nothing ends with an opening bracket, though ICU counts `[` in `end.[1]` as closing.
        if CharacterClass.isOpening(text[left - 1]), !isAmbiguousQuote(text[left - 1]) { return false }
        // Closing quotes and brackets stay with the sentence they close.
        if isClosing(text[right]), glued || !isAmbiguousQuote(text[right]) { return false }

        var end = left
        var quoted = false
        var cited = false
        scan: while end > 0, left - end < Self.reach {
            let unit = text[end - 1]
            if unit == 0x5D, let open = bracketStart(closingAt: end - 1) {
                let elision = isElision(open + 1, end - 1)
                if elision || isCitation(open + 1, end - 1) {
                    let before = skipSpaces(before: open)
                    // Words left out after a sentence end belong to that sentence, like a reference
                    // marker; inside a sentence they end nothing.
                    if elision, !hasTerminator(before: before) { return false }
                    end = before
                    cited = true
                    continue scan
                }
            }
            if CharacterClass.isDigit(unit), let start = footnoteStart(endingAt: end),
               isUpper(firstWordUnit(from: right)) || isFootnote(at: right) {
                end = skipSpaces(before: start)
                cited = true
                continue scan
            }
            guard isClosing(unit) else { break }
            end -= 1
            quoted = true
        }
        guard end > 0 else { return icu }
        let mark = text[end - 1]
        guard mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x2026 else { return icu }
        // `Y!J`, `!Xũ`, `..` + `.`: a mark with no space after it is inside a word or a run.
        if glued, !CharacterClass.isOpening(text[right]) { return false }
        // Reference markers and elisions after a sentence end stay with it.
        if isReference(at: right) || isFootnote(at: right) && isTerminal(period: end - 1) { return false }
        let next = firstWordUnit(from: right)

        if mark == 0x21 || mark == 0x3F {
            // A name with `!` goes on in lower case or with a company suffix (`Yahoo! in`, `Yahoo!
            // Inc.`), and so does a quoted exclamation or question; informal text starts sentences
            // in lower case after a plain `great!`, or after a first word like `Wow!`.
            if mark == 0x21, length >= 3, isCapitalized(before: end - 1) {
                if isLower(next) || isAbbreviation(at: skipOpening(right)) { return false }
            }
            if isLower(next), quoted { return false }
            return icu || cited
        }
        if mark == 0x2026 || (end >= 2 && text[end - 2] == 0x2E) {
            return isUpper(next) || (icu && !isLower(next))
        }
        if let spaced = spacedEllipsis(period: end - 1) { return spaced }

        let word = wordBefore(period: end - 1)
        switch word.kind {
        case .prepositive:
            return false
        case .numero:
            if CharacterClass.isDigit(next) { return false }
            return isUpper(next) || (isLower(next) && !quoted)
        case .time:
            // A clock time ends its clause; a capitalized word after it starts a sentence unless it
            // goes on with the date or the time zone ("5 p.m. Friday", "6 a.m. Eastern").
            if length >= 4, isCapitalizedWord(at: skipOpening(right)) { return true }
            fallthrough
        case .abbreviation:
            if isLower(next) || CharacterClass.isDigit(next) || text[right] == 0x28 || text[right] == 0x5B { return false }
            // A sentence may end at an abbreviation only when the next word plainly starts one, and
            // not when that would leave a stub like "At 5 a.m." behind.
            return length >= 4 && startsSentence(at: skipOpening(right))
        case .word:
            // "… tell val. the weekend …": informal text starts sentences in lower case; after a
            // plain word (not an abbreviation) and outside quotes that is a boundary.
            if isLower(next) { return !quoted && word.length >= 2 }
            return isUpper(next) || icu || cited
        case .other:
            // After a bracket as after a word; after a number ("for 1. above") the text goes on.
            if isLower(next) { return !quoted && !(end >= 2 && CharacterClass.isDigit(text[end - 2])) }
            return isUpper(next) || icu || cited
        }
    }

    // MARK: Lines

    /// How many line breaks the white space `[start, end)` holds; a blank line or paragraph
    /// separator counts two. CR LF is one break.
    private func lineBreaks(_ start: Int, _ end: Int) -> Int {
        var count = 0
        var i = start
        while i < end {
            switch text[i] {
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028: count += 1
            case 0x0D where i + 1 == end || text[i + 1] != 0x0A: count += 1
            case 0x2029: count += 2
            default: break
            }
            i += 1
        }
        return count
    }

    /// Whether a sentence-final mark stands before `end`, looking past closing quotes and brackets.
    private func hasTerminator(before end: Int) -> Bool {
        var i = end
        while i > 0, end - i < Self.reach, isClosing(text[i - 1]) { i -= 1 }
        guard i > 0 else { return false }
        switch text[i - 1] {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    // MARK: Words

    private enum WordKind { case prepositive, abbreviation, numero, time, word, other }

    /// What stands before the period at `period`: an abbreviation (a known one, an initial, or
    /// letters with inner periods such as `U.S` and `p.m`), a plain word, or something else (a number,
    /// a bracket).
    private func wordBefore(period: Int) -> (kind: WordKind, length: Int) {
        var start = period
        while start > 0, isWordUnit(text[start - 1]) { start -= 1 }
        let length = period - start
        guard length > 0 else { return (.other, 0) }
        // `U.S`, `a.m`, `Ph.D`, `e.g`: segments of one or two letters joined by periods.
        var chainStart = start
        if length <= 2 {
            while chainStart >= 2, text[chainStart - 1] == 0x2E, let segment = shortSegment(endingAt: chainStart - 1) {
                chainStart = segment
            }
        }
        if chainStart < start {
            guard let key = SentenceLexicon.key(text, chainStart, period) else { return (.abbreviation, length) }
            if SentenceLexicon.prepositive.contains(key) { return (.prepositive, length) }
            return (SentenceLexicon.clockTime.contains(key) ? .time : .abbreviation, length)
        }
        if start > 0, CharacterClass.isDigit(text[start - 1]) || text[start - 1] == 0x2D { return (.word, length) }
        if length == 1 {
            // "you and I." is the pronoun; "Albert I. Jones" an initial.
            if text[start] == 0x49, let previous = previousWordStart(before: start), isLower(text[previous]) {
                return (.word, length)
            }
            return CharacterClass.isASCIILetter(text[start]) ? (.abbreviation, length) : (.word, length)
        }
        if let key = SentenceLexicon.key(text, start, period) {
            if SentenceLexicon.prepositive.contains(key) { return (.prepositive, length) }
            if SentenceLexicon.abbreviation.contains(key) { return (.abbreviation, length) }
            if SentenceLexicon.numero.contains(key) { return (.numero, length) }
        }
        return (.word, length)
    }

    private func isWordUnit(_ unit: UInt16) -> Bool {
        CharacterClass.isASCIILetter(unit) || unit == 0xB0 || unit == 0xBA || (unit >= 0xC0 && CharacterClass.isLetter(unit))
    }

    /// The start of the one or two letters before the period at `dot`, when they are a whole segment.
    private func shortSegment(endingAt dot: Int) -> Int? {
        var i = dot
        while i > 0, dot - i < 3, CharacterClass.isASCIILetter(text[i - 1]) { i -= 1 }
        let length = dot - i
        guard length >= 1, length <= 2, i == 0 || !isWordUnit(text[i - 1]) else { return nil }
        return i
    }

    private func previousWordStart(before position: Int) -> Int? {
        var i = position
        while i > 0, text[i - 1] == 0x20 { i -= 1 }
        guard i < position else { return nil }
        let end = i
        while i > 0, isWordUnit(text[i - 1]) { i -= 1 }
        return i < end ? i : nil
    }

    /// Whether the word at `position` plainly opens a sentence: a capitalized sentence starter
    /// ("The", "How", "I") or a title before a name ("Mr.").
    private func startsSentence(at position: Int) -> Bool {
        var end = position
        while end < text.count, CharacterClass.isASCIILetter(text[end]) { end += 1 }
        guard end > position, CharacterClass.isUpper(text[position]),
              let key = SentenceLexicon.key(text, position, end) else { return false }
        if end < text.count, text[end] == 0x2E { return SentenceLexicon.honorific.contains(key) }
        for i in (position + 1)..<end where CharacterClass.isUpper(text[i]) { return false }
        return SentenceLexicon.starter.contains(key)
    }

    /// A word with a period that is a known abbreviation other than a title (`Inc.`, `Co.`).
    private func isAbbreviation(at position: Int) -> Bool {
        var end = position
        while end < text.count, CharacterClass.isASCIILetter(text[end]) { end += 1 }
        guard end > position, end < text.count, text[end] == 0x2E,
              let key = SentenceLexicon.key(text, position, end) else { return false }
        return SentenceLexicon.abbreviation.contains(key)
    }

    /// A capitalized word ("Travelers", not "NASA") that does not continue a time: no weekday, month
    /// or time zone.
    private func isCapitalizedWord(at position: Int) -> Bool {
        var end = position
        while end < text.count, CharacterClass.isASCIILetter(text[end]) { end += 1 }
        guard end - position >= 2, CharacterClass.isUpper(text[position]), CharacterClass.isLower(text[position + 1]),
              let key = SentenceLexicon.key(text, position, end) else { return false }
        return !SentenceLexicon.timeContinuation.contains(key)
    }

    /// Whether a line starting at `position` goes on with the line before: it starts in lower case or
    /// with punctuation no sentence starts with.
    private func continuesLine(at position: Int) -> Bool {
        let unit = text[position]
        if isClosing(unit) && !isAmbiguousQuote(unit) { return true }
        switch unit {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return true
        default: return isLower(firstWordUnit(from: position))
        }
    }

    private func skipOpening(_ position: Int) -> Int {
        var i = position
        while i < text.count, i - position < Self.reach, CharacterClass.isOpening(text[i]) { i += 1 }
        return i
    }

    /// The first unit of the next word, past opening quotes and brackets; 0 at the end of the text.
    private func firstWordUnit(from position: Int) -> UInt16 {
        let i = skipOpening(position)
        return i < text.count ? text[i] : 0
    }

    // MARK: Ellipses, citations, quotes

    /// For a period in a spaced ellipsis (`. . .`): whether the sentence ends after it; nil when the
    /// period is not in one. Three spaced periods leave words out inside a sentence; four are an
    /// ellipsis and a period. Glued to the word before (`word. . . . Next`) the first period ends the
    /// sentence and the ellipsis opens the next; after a space (`word . . . . Next`) or before a
    /// closing quote the last one does.
    private func spacedEllipsis(period: Int) -> Bool? {
        var first = period
        while first >= 2, period - first < Self.reach, text[first - 1] == 0x20, text[first - 2] == 0x2E { first -= 2 }
        var last = period
        while last + 2 < text.count, last - period < Self.reach, text[last + 1] == 0x20, text[last + 2] == 0x2E { last += 2 }
        let dots = (last - first) / 2 + 1
        guard dots >= 3 else { return nil }
        guard dots == 4 else { return false }
        var i = last + 1
        // A closing quote after the ellipsis ends the sentence it closes, with it.
        let glued = first > 0 && !CharacterClass.isWhitespace(text[first - 1]) && !(i < text.count && isClosing(text[i]))
        guard period == (glued ? first : last) else { return false }
        while i < text.count, i - last < Self.reach, isClosing(text[i]) || CharacterClass.isWhitespace(text[i]) { i += 1 }
        return i < text.count && isUpper(firstWordUnit(from: i))
    }

    /// The `[` that the `]` at `close` closes, if it is near.
    private func bracketStart(closingAt close: Int) -> Int? {
        var i = close - 1
        while i >= 0, close - i <= 8 {
            if text[i] == 0x5B { return i }
            if text[i] == 0x5D || (CharacterClass.isWhitespace(text[i]) && text[i + 1] != 0x2E) { return nil }
            i -= 1
        }
        return nil
    }

    /// `[...]`, `[…]`, `[. . .]`: words left out of a quotation, not the end of a sentence.
    private func isElision(_ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        for i in start..<end where text[i] != 0x2E && text[i] != 0x2026 && text[i] != 0x20 { return false }
        return true
    }

    /// A footnote number after a sentence end (`rights. 4 Even`, `consultation.11 12 Take`): one to
    /// three digits right after a period, `!` or `?` that ends a word, or after another footnote.
    private func footnoteStart(endingAt end: Int) -> Int? {
        var runEnd = end
        var first: Int?
        for _ in 0..<Self.footnotes {
            var start = runEnd
            while start > 0, runEnd - start < 4, CharacterClass.isDigit(text[start - 1]) { start -= 1 }
            guard runEnd - start <= 3, start > 0 else { return nil }
            if first == nil { first = start }
            let before = text[start - 1] == 0x20 ? start - 1 : start
            guard before > 0 else { return nil }
            guard CharacterClass.isDigit(text[before - 1]) else { return isTerminal(period: before - 1) ? first : nil }
            // "11 12": the footnote before must itself follow a sentence end.
            guard before < start else { return nil }
            runEnd = before
        }
        return nil
    }

    /// Whether the `.`, `!` or `?` at `position` ends a word or a bracket rather than a number (`3.14`).
    private func isTerminal(period position: Int) -> Bool {
        let unit = text[position]
        guard unit == 0x2E || unit == 0x21 || unit == 0x3F, position > 0 else { return false }
        let before = text[position - 1]
        return isWordUnit(before) || isClosing(before)
    }

    /// Footnote numbers at `position`: up to three digits, then a space and a capital or another one.
    private func isFootnote(at position: Int) -> Bool {
        var i = position
        for _ in 0..<Self.footnotes {
            let start = i
            while i < text.count, i - start <= 3, CharacterClass.isDigit(text[i]) { i += 1 }
            guard i > start, i - start <= 3, i + 1 < text.count, text[i] == 0x20 else { return false }
            i += 1
            if isUpper(text[i]) { return true }
            guard CharacterClass.isDigit(text[i]) else { return false }
        }
        return false
    }

    /// At most this many footnote numbers in a row ("1990. 12 13 The" is odd already).
    private static let footnotes = 3

    private func skipSpaces(before position: Int) -> Int {
        var i = position
        while i > 0, text[i - 1] == 0x20 { i -= 1 }
        return i
    }

    /// `[12]`: a reference marker, which belongs to the sentence before it.
    private func isCitation(_ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 4 else { return false }
        for i in start..<end where !CharacterClass.isDigit(text[i]) { return false }
        return true
    }

    /// A reference marker or an elision in brackets at `position`.
    private func isReference(at position: Int) -> Bool {
        guard text[position] == 0x5B else { return false }
        var i = position + 1
        while i < text.count, i - position <= 6, text[i] != 0x5D { i += 1 }
        return i < text.count && text[i] == 0x5D && (isCitation(position + 1, i) || isElision(position + 1, i))
    }

    /// Whether the word before `end` is capitalized, as names are.
    private func isCapitalized(before end: Int) -> Bool {
        var start = end
        while start > 0, isWordUnit(text[start - 1]) { start -= 1 }
        return start < end && isUpper(text[start]) && (end - start == 1 || isLower(text[start + 1]))
    }

    private func isClosing(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x203A: true
        default: false
        }
    }

    /// `"` and `'` open as well as close; only their place tells which.
    private func isAmbiguousQuote(_ unit: UInt16) -> Bool { unit == 0x22 || unit == 0x27 }

    private func isUpper(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return CharacterClass.isUpper(unit) }
        guard unit >= 0xC0, let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isUppercase
    }

    private func isLower(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return CharacterClass.isLower(unit) }
        guard unit >= 0xC0, let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isLowercase
    }

    // MARK: Lists

    private static func isBullet(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2022, 0x2023, 0x2043, 0x25A0, 0x25AA, 0x25CF, 0x25E6: true
        default: false
        }
    }

    private struct ListMarker {
        enum Counter: Int { case number, lowerLetter, upperLetter }
        enum Punctuation: Int { case period, parenthesis, periodParenthesis, enclosed }
        var first: Int, last: Int
        var counter: Counter, punctuation: Punctuation
        var value: Int
        var atLineStart: Bool

        /// The same list, one item earlier or later.
        func sequenceKey(offset: Int) -> Int { ((value + offset) << 4) | (counter.rawValue << 2) | punctuation.rawValue }
    }

    /// Finds list markers (`1.`, `2)`, `3.)`, `a.`, `(b)`) and bullets and records the breaks they
    /// make. A marker at the start of a line or after a bullet is an item; one inside a line is an
    /// item only when the same list goes on (its neighbour in the sequence is in the text too) and
    /// it follows the previous item or opens the list, so "(a) and (b) apply" stays whole.
    private mutating func markListItems() {
        var markers: [ListMarker] = []
        var index = 0
        while index < starts.count {
            let start = starts[index]
            let unit = text[start]
            // A marker opens with a bracket, a digit, or one letter and its period or bracket.
            let mayMark = unit == 0x28 || CharacterClass.isDigit(unit) || (CharacterClass.isASCIILetter(unit)
                && start + 1 < text.count && (text[start + 1] == 0x2E || text[start + 1] == 0x29))
            if Self.isBullet(unit) {
                if index > 0 { listGaps[index] = 1 }
                listGaps[index + 1] = -1
            } else if mayMark, let marker = listMarker(at: index) {
                markers.append(marker)
                index = marker.last
            }
            index += 1
        }
        guard !markers.isEmpty else { return }
        let present = Set(markers.map { $0.sequenceKey(offset: 0) })
        var opened: Set<Int> = []
        for marker in markers {
            let sequenced = present.contains(marker.sequenceKey(offset: 1)) || present.contains(marker.sequenceKey(offset: -1))
            let continues = opened.contains(marker.sequenceKey(offset: -1))
            guard marker.atLineStart || sequenced && (continues || opensItem(marker)) else { continue }
            opened.insert(marker.sequenceKey(offset: 0))
            if marker.first > 0, listGaps[marker.first] == 0 { listGaps[marker.first] = 1 }
            for gap in (marker.first + 1)...(marker.last + 1) { listGaps[gap] = -1 }
        }
    }

    private func listMarker(at index: Int) -> ListMarker? {
        let start = starts[index]
        var i = start
        let enclosed = text[i] == 0x28
        if enclosed { i += 1 }
        var value = 0
        var counter = ListMarker.Counter.number
        let digitsStart = i
        while i < text.count, CharacterClass.isDigit(text[i]), i - digitsStart < 3 {
            value = value * 10 + Int(text[i] - 0x30)
            i += 1
        }
        if i == digitsStart {
            guard i + 1 < text.count, CharacterClass.isASCIILetter(text[i]) else { return nil }
            value = Int(CharacterClass.lower(text[i]))
            counter = CharacterClass.isUpper(text[i]) ? .upperLetter : .lowerLetter
            i += 1
        }
        guard i < text.count else { return nil }
        let punctuation: ListMarker.Punctuation
        if enclosed {
            guard text[i] == 0x29 else { return nil }
            punctuation = .enclosed
        } else if text[i] == 0x2E {
            if i + 1 < text.count, text[i + 1] == 0x29 { punctuation = .periodParenthesis; i += 1 } else { punctuation = .period }
        } else if text[i] == 0x29 {
            punctuation = .parenthesis
        } else {
            return nil
        }
        i += 1
        guard i < text.count, CharacterClass.isWhitespace(text[i]) else { return nil }
        var last = index
        while last < ends.count, ends[last] < i { last += 1 }
        guard last + 1 < starts.count, ends[last] == i else { return nil }

        var before = start
        while before > 0, text[before - 1] == 0x20 || text[before - 1] == 0x09 { before -= 1 }
        let atLineStart = before == 0 || text[before - 1] == 0x0A || text[before - 1] == 0x0D
            || Self.isBullet(text[before - 1])
        guard atLineStart || before < start else { return nil }
        return ListMarker(first: index, last: last, counter: counter, punctuation: punctuation, value: value,
                          atLineStart: atLineStart)
    }

    /// Whether a marker inside a line opens a list: it counts in lower-case letters or numbers below
    /// 100 (not initials or years) and follows a sentence end or a colon, or has a bracket and comes
    /// before a capitalized word.
    private func opensItem(_ marker: ListMarker) -> Bool {
        switch marker.counter {
        case .upperLetter: return false
        case .number where marker.value >= 100: return false
        default: break
        }
        switch text[ends[marker.first - 1] - 1] {
        case 0x2E, 0x21, 0x3F, 0x3A: return true
        default:
            // A bracket marks a list more plainly than a period ("chapter 1. The").
            return marker.punctuation != .period && isUpper(firstWordUnit(from: starts[marker.last + 1]))
        }
    }
}
