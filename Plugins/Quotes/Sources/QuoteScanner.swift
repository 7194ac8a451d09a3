import SpindleCore

/// Finds direct quotes by their marks, in Unicode scalar offsets: each span runs from the opening mark
/// to one past the closing mark.
///
/// Scraped news mixes every convention, so the scanner trusts context over glyphs: a straight `"`
/// opens or closes by what surrounds it, a curly “ that sits where a closing mark belongs closes, and
/// `''` (two apostrophes, as some feeds write it) closes. Double and single quotes are found apart and
/// the outer one of a nested pair is kept, so American (“… ‘…’ …”) and British (‘… “…” …’) nesting both
/// give one quote. A quote that reaches the end of its paragraph continues when the next paragraph
/// opens with a quote mark (the news convention for a speech over several paragraphs), and is dropped
/// otherwise: an unclosed mark is more often noise than a quote with a lost ending.
enum QuoteScanner {
    static func quotes(in scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [Span] {
        let doubles = doubleQuotes(in: scalars, paragraphs: paragraphs)
        let singles = singleQuotes(in: scalars, paragraphs: paragraphs)
        // Of two nested quotes the outer one is the quote: ‘… told me, “…”’ in British style, “… ‘…’ …”
        // elsewhere. Singles that cross a double quote's edge were apostrophes.
        let outerSingles = singles.filter { single in
            doubles.allSatisfy { !$0.overlaps(single) || single.contains($0) && single != $0 }
        }
        let outerDoubles = doubles.filter { double in !outerSingles.contains { $0.contains(double) } }
        return (outerDoubles + outerSingles).sorted()
    }

    // MARK: Double quotes

    private enum Glyph { case opening, closing, either }

    /// The double-quote mark at `index`, its glyph and length, if there is one.
    private static func doubleMark(_ scalars: [Unicode.Scalar], _ index: Int) -> (Glyph, Int)? {
        switch scalars[index] {
        case "\"", "\u{FF02}": return (.either, 1)
        case "\u{201C}", "\u{201E}", "\u{201F}", "\u{AB}": return (.opening, 1)
        case "\u{201D}", "\u{BB}": return (.closing, 1)
        case "'", "\u{2019}":
            return index + 1 < scalars.count && scalars[index + 1] == scalars[index] ? (.closing, 2) : nil
        case "`", "\u{2018}":
            return index + 1 < scalars.count && scalars[index + 1] == scalars[index] ? (.opening, 2) : nil
        default: return nil
        }
    }

    private static func doubleQuotes(in scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [Span] {
        var found: [Span] = []
        var open: Int?
        for (number, paragraph) in paragraphs.enumerated() {
            var index = paragraph.lowerBound
            if open != nil {
                // Carried over from the previous paragraph: this paragraph's opening mark re-opens it.
                index = firstNonSpace(scalars, paragraph)
                if let (glyph, length) = doubleMark(scalars, index), glyph != .closing { index += length } else { open = nil }
            }
            while index < paragraph.upperBound {
                // Most scalars are not quote marks: reject them before the full classification.
                let value = scalars[index].value
                guard value == 0x22 || value == 0x27 || value == 0x60 || value == 0xAB || value == 0xBB
                        || value >= 0x2018 && value <= 0x201F || value == 0xFF02,
                      let (glyph, length) = doubleMark(scalars, index) else { index += 1; continue }
                let context = Context(scalars, index, length)
                if let start = open {
                    // Inside guillemets every other mark is nested («… „…“ …», «… “…” …»), and the
                    // reverse: only the guillemet's own partner closes it.
                    let guillemet = scalars[index] == "\u{AB}" || scalars[index] == "\u{BB}"
                    if (scalars[start] == "\u{AB}") != guillemet {
                        index += length
                        continue
                    }
                    let closes = switch glyph {
                    case .closing: true
                    case .either: !(context.opens && !context.closes)
                    case .opening: context.closes && !context.opens
                    }
                    if closes {
                        found.append(Span(start: start, end: index + length))
                        open = nil
                    } else {
                        open = index // the earlier mark was never closed
                    }
                } else if glyph == .opening || context.opens || !context.closes {
                    open = index
                }
                index += length
            }
            if open != nil {
                let next = number + 1 < paragraphs.count ? paragraphs[number + 1] : nil
                let continues = next.map { next in
                    let first = firstNonSpace(scalars, next)
                    return first < next.upperBound && doubleMark(scalars, first).map { $0.0 != .closing } == true
                } ?? false
                if !continues { open = nil }
            }
        }
        return found
    }

    // MARK: Single quotes

    /// Words that begin with an apostrophe rather than a quote mark: 'em, 'til, 'n' (rock 'n' roll).
    private static let elisions: Set<String> = ["em", "til", "tis", "twas", "cause", "n", "bout", "round", "s"]

    /// Single quotes, across paragraphs like double ones. An apostrophe after a plural before a lower-case
    /// word (`the workers' union`) closes a quote only when nothing later in the paragraph does.
    private static func singleQuotes(in scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [Span] {
        var found: [Span] = []
        var open: Int?
        var possessive: Int?
        for (number, paragraph) in paragraphs.enumerated() {
            var index = paragraph.lowerBound
            if open != nil {
                index = firstNonSpace(scalars, paragraph)
                if index < paragraph.upperBound, opensSingle(scalars, index) { index += 1 } else { open = nil }
            }
            while index < paragraph.upperBound {
                defer { index += 1 }
                let scalar = scalars[index]
                guard scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}" else { continue }
                if let start = open {
                    guard scalar != "\u{2018}", Context(scalars, index, 1).closes else { continue }
                    if isPluralPossessive(scalars, index) {
                        possessive = possessive ?? index
                        continue
                    }
                    if index - start > 3 { found.append(Span(start: start, end: index + 1)) }
                    open = nil
                    possessive = nil
                } else if opensSingle(scalars, index) {
                    open = index
                    possessive = nil
                }
            }
            if let start = open {
                let next = number + 1 < paragraphs.count ? paragraphs[number + 1] : nil
                let continues = possessive == nil && next.map { next in
                    let first = firstNonSpace(scalars, next)
                    return first < next.upperBound && opensSingle(scalars, first)
                } ?? false
                if !continues {
                    if let end = possessive { found.append(Span(start: start, end: end + 1)) }
                    open = nil
                    possessive = nil
                }
            }
        }
        return found
    }

    /// An opening single quote: ‘ or ' before a letter, after a space or the start, and not an elision ('em).
    private static func opensSingle(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar == "'" || scalar == "\u{2018}", Context(scalars, index, 1).opens,
              index + 1 < scalars.count, scalars[index + 1].isLetter else { return false }
        return !elisions.contains(word(after: index, in: scalars).lowercased())
    }

    /// `the workers' union`: an apostrophe after a plural before a lower-case word is a possessive.
    private static func isPluralPossessive(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index > 0, scalars[index - 1] == "s" || scalars[index - 1] == "S",
              index + 2 < scalars.count, scalars[index + 1] == " " else { return false }
        return scalars[index + 2].isLower
    }

    private static func word(after index: Int, in scalars: [Unicode.Scalar]) -> String {
        var end = index + 1
        while end < scalars.count, scalars[end].isLetter { end += 1 }
        return String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
    }

    private static func firstNonSpace(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, scalars[index].isSpace { index += 1 }
        return index
    }
}

/// What surrounds a quote mark: whether it stands where an opening or a closing mark belongs.
private struct Context {
    let opens: Bool
    let closes: Bool

    init(_ scalars: [Unicode.Scalar], _ index: Int, _ length: Int) {
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + length < scalars.count ? scalars[index + length] : nil
        let spaceBefore = before.map { $0.isSpace || Self.openingPunctuation.contains($0) } ?? true
        let spaceAfter = after.map { $0.isSpace || Self.closingPunctuation.contains($0) } ?? true
        opens = spaceBefore && !spaceAfter
        closes = !spaceBefore && spaceAfter
    }

    private static let openingPunctuation: Set<Unicode.Scalar> = ["(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", "\u{201C}", "\u{2018}", "\"", "'", "\u{AB}"]
    private static let closingPunctuation: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "\u{2014}", "\u{2013}", "\u{2026}", "\u{201D}", "\u{2019}", "\"", "'", "\u{BB}"]
}

/// Paragraphs: the text between line breaks. A break inside a sentence that was hard-wrapped (a line
/// ending in a letter or comma followed by a lower-case line) does not end a paragraph.
enum Paragraphs {
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\n" || scalars[index] == "\r" else { index += 1; continue }
            var next = index
            while next < scalars.count, scalars[next].isSpace { next += 1 }
            if !isHardWrap(scalars, lineEnd: index, nextLine: next) {
                if index > start { ranges.append(start..<index) }
                start = next
            }
            index = next
        }
        if start < scalars.count { ranges.append(start..<scalars.count) }
        return ranges
    }

    private static func isHardWrap(_ scalars: [Unicode.Scalar], lineEnd: Int, nextLine: Int) -> Bool {
        guard nextLine < scalars.count, lineEnd > 0 else { return false }
        let blankLine = scalars[lineEnd..<nextLine].filter { $0 == "\n" }.count > 1
        let last = scalars[lineEnd - 1]
        return !blankLine && (last.isLetter || last == ",") && scalars[nextLine].isLower
    }
}
