/// How a word is capitalized.
public enum CaseClass: UInt8, Sendable {
    case noLetters = 0, lower, initialCapital, allCapitals, mixed
}

/// The facts about one token that features are built from, computed once per token.
///
/// Hashes are computed in one pass over the UTF-8 bytes with no allocation for ASCII words, which are
/// almost all news tokens: building `String`s per token would cost more than the rest of the tagger.
/// The shape maps upper-case letters to X, lower-case to x, digits to d and keeps other characters,
/// with runs collapsed ("Putin" → "Xx", "U.S." → "X.X.", "1,200" → "d,d").
public struct WordForm: Sendable, Equatable {
    public var lower: UInt64
    public var exact: UInt64
    public var shape: UInt64
    public var caseClass: CaseClass
    /// Hashes of the first 2 and 3 and the last 2, 3 and 4 bytes of the lower-case form (0 when the
    /// word is not longer than the affix).
    public var prefix2: UInt64, prefix3: UInt64, suffix2: UInt64, suffix3: UInt64, suffix4: UInt64

    public init(_ token: some StringProtocol) {
        if let form = Self.asciiForm(token) {
            self = form
            return
        }
        let straightened = Self.straightenQuotes(String(token))
        self = Self.asciiForm(straightened) ?? WordForm(unicode: straightened)
    }

    private static func asciiForm(_ token: some StringProtocol) -> WordForm? {
        let form = token.utf8.withContiguousStorageIfAvailable { bytes -> WordForm? in
            bytes.allSatisfy { $0 < 0x80 } ? WordForm(ascii: bytes) : nil
        }
        return form ?? nil
    }

    /// Curly quotes and apostrophes as straight ones: the training data writes "'s", news sites "’s".
    private static func straightenQuotes(_ token: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in token.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032: scalars.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The form of a token written in lower case or with an initial capital, for all-capitals headlines.
    public init(_ token: some StringProtocol, recased caseClass: CaseClass) {
        let lower = token.lowercased()
        switch caseClass {
        case .lower: self.init(lower)
        case .initialCapital: self.init(lower.prefix(1).uppercased() + lower.dropFirst())
        default: self.init(token)
        }
    }

    private init(ascii bytes: UnsafeBufferPointer<UInt8>) {
        var builder = Builder()
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: builder.add(lower: byte | 0x20, exact: byte, symbol: 0x58, upper: true)
            case 0x61...0x7A: builder.add(lower: byte, exact: byte, symbol: 0x78, lowerLetter: true)
            case 0x30...0x39: builder.add(lower: byte, exact: byte, symbol: 0x64)
            default: builder.add(lower: byte, exact: byte, symbol: byte)
            }
        }
        self = builder.form
    }

    private init(unicode token: String) {
        var builder = Builder()
        for scalar in token.unicodeScalars {
            let properties = scalar.properties
            let symbol: UInt8
            if properties.isUppercase {
                symbol = 0x58
            } else if properties.isLowercase {
                symbol = 0x78
            } else if properties.numericType != nil {
                symbol = 0x64
            } else if scalar.isASCII {
                symbol = UInt8(scalar.value)
            } else if properties.isAlphabetic {
                symbol = 0x61 // a: a letter without case (CJK, Arabic ...)
            } else {
                symbol = 0x6F // o: any other symbol
            }
            let lowered = String(scalar).lowercased().utf8
            for (index, byte) in zip(lowered.indices, lowered) {
                let first = index == lowered.startIndex
                builder.add(lower: byte, exact: nil, symbol: first ? symbol : nil,
                            upper: first && symbol == 0x58, lowerLetter: first && symbol == 0x78)
            }
        }
        var form = builder.form
        form.exact = FeatureHash.string(token)
        self = form
    }

    /// Accumulates the hashes byte by byte.
    private struct Builder {
        var lower = FeatureHash.empty, exact = FeatureHash.empty, shape = FeatureHash.empty
        var lastSymbol: UInt8 = 0
        var count = 0, uppers = 0, lowers = 0, firstIsUpper = false
        var prefix2: UInt64 = 0, prefix3: UInt64 = 0
        /// The last four lower-case bytes, newest in the low byte.
        var tail: UInt32 = 0

        mutating func add(lower byte: UInt8, exact exactByte: UInt8?, symbol: UInt8?, upper: Bool = false, lowerLetter: Bool = false) {
            lower = (lower ^ UInt64(byte)) &* 0x100_0000_01B3
            if let exactByte { exact = (exact ^ UInt64(exactByte)) &* 0x100_0000_01B3 }
            if let symbol, symbol != lastSymbol {
                shape = (shape ^ UInt64(symbol)) &* 0x100_0000_01B3
                lastSymbol = symbol
            }
            if upper {
                if count == 0 { firstIsUpper = true }
                uppers += 1
            }
            if lowerLetter { lowers += 1 }
            count += 1
            if count == 2 { prefix2 = lower }
            if count == 3 { prefix3 = lower }
            tail = tail << 8 | UInt32(byte)
        }

        var form: WordForm {
            func suffix(_ length: Int) -> UInt64 {
                guard count > length else { return 0 }
                var hash = FeatureHash.empty
                for shift in stride(from: 8 * (length - 1), through: 0, by: -8) {
                    hash = (hash ^ UInt64(UInt8(truncatingIfNeeded: tail >> UInt32(shift)))) &* 0x100_0000_01B3
                }
                return hash
            }
            let caseClass: CaseClass = switch (uppers, lowers) {
            case (0, 0): .noLetters
            case (0, _): .lower
            case (_, 0): .allCapitals
            case (1, _) where firstIsUpper: .initialCapital
            default: .mixed
            }
            return WordForm(lower: lower, exact: exact, shape: shape, caseClass: caseClass,
                            prefix2: count > 2 ? prefix2 : 0, prefix3: count > 3 ? prefix3 : 0,
                            suffix2: suffix(2), suffix3: suffix(3), suffix4: suffix(4))
        }
    }

    private init(lower: UInt64, exact: UInt64, shape: UInt64, caseClass: CaseClass,
                 prefix2: UInt64, prefix3: UInt64, suffix2: UInt64, suffix3: UInt64, suffix4: UInt64) {
        self.lower = lower
        self.exact = exact
        self.shape = shape
        self.caseClass = caseClass
        self.prefix2 = prefix2
        self.prefix3 = prefix3
        self.suffix2 = suffix2
        self.suffix3 = suffix3
        self.suffix4 = suffix4
    }
}
