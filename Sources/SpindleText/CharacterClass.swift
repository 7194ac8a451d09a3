/// Cheap tests on UTF-16 units for the characters the tokenizer and splitter care about. Anything
/// outside these sets is left to ICU's judgement.
enum CharacterClass {
    static func isWhitespace(_ unit: UInt16) -> Bool {
        // Printable ASCII first: the tokenizer asks once per ICU segment.
        if unit > 0x20 && unit < 0x7F { return false }
        return switch unit {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    static func isASCIILetter(_ unit: UInt16) -> Bool { (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
    static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    static func isUpper(_ unit: UInt16) -> Bool { unit >= 0x41 && unit <= 0x5A }
    static func isLower(_ unit: UInt16) -> Bool { unit >= 0x61 && unit <= 0x7A }

    /// Letters of any script, approximately: ASCII letters and everything from Latin-1 letters up that
    /// is not punctuation we know of. Good enough to tell "a word" from "a mark".
    static func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return isASCIILetter(unit) }
        if unit == 0xD7 || unit == 0xF7 { return false }
        if unit >= 0xC0 && unit < 0x2000 { return true }
        if unit >= 0x2000 && unit < 0x3000 { return false }
        return true
    }

    static func isApostrophe(_ unit: UInt16) -> Bool { unit == 0x27 || unit == 0x2019 }

    static func lower(_ unit: UInt16) -> UInt16 { isUpper(unit) ? unit | 0x20 : unit }

    /// Marks that open a quote or bracket.
    static func isOpening(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x201C, 0x2018, 0xAB, 0x2039, 0x201E: true
        default: false
        }
    }

    /// Marks that may follow a word and are not part of it.
    static func isTrailingPunctuation(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x201D, 0x2019, 0xBB, 0x203A, 0x2026: true
        default: false
        }
    }

    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x0B || unit == 0x0C || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    static func isDash(_ unit: UInt16) -> Bool { unit == 0x2D || (unit >= 0x2012 && unit <= 0x2015) }

    static func isSentenceFinal(_ unit: UInt16) -> Bool { unit == 0x2E || unit == 0x21 || unit == 0x3F }

    /// ASCII marks whose runs are one token (`$$$`, `***`, `<<`, `''`), as in UD.
    static func isRepeatable(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2D, 0x3D, 0x2A, 0x5F, 0x7E, 0x23, 0x2B, 0x3C, 0x3E, 0x5E, 0x24, 0x2F, 0x5C, 0x7C, 0x26, 0x25, 0x40,
             0x27, 0x60:
            true
        default:
            false
        }
    }

    /// The mouth of an emoticon: `)`, `(`, `]`, `[`, `}`, `{`, `D`, `P`, `p`, `O`, `o`, `/`, `\`, `|`, `*`, `3`.
    static func isMouth(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x29, 0x28, 0x5D, 0x5B, 0x7D, 0x7B, 0x44, 0x50, 0x70, 0x4F, 0x6F, 0x2F, 0x5C, 0x7C, 0x2A, 0x33: true
        default: false
        }
    }

    /// What may stand before the `@` of an e-mail address.
    static func isEmailLocal(_ unit: UInt16) -> Bool {
        isASCIILetter(unit) || isDigit(unit) || unit == 0x2E || unit == 0x5F || unit == 0x25 || unit == 0x2B || unit == 0x2D
    }

    /// Marks that end a URL written in running text: angle brackets and double quotes.
    static func endsURL(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x3C, 0x3E, 0x22, 0x201C, 0x201D, 0xAB, 0xBB: true
        default: false
        }
    }

    /// What a hashtag or @-mention is made of: letters of any script, digits and `_`.
    static func isHandle(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return isASCIILetter(unit) || isDigit(unit) || unit == 0x5F }
        return unit & 0xF800 != 0xD800 && !isCombining(unit) && isLetter(unit)
    }

    /// Combining diacritics, the zero-width joiner, the keycap mark and variation selectors: units that
    /// belong to the character before them.
    static func isCombining(_ unit: UInt16) -> Bool {
        (unit >= 0x0300 && unit <= 0x036F) || unit == 0x200D || unit == 0x20E3 || (unit >= 0xFE00 && unit <= 0xFE0F)
    }
}
