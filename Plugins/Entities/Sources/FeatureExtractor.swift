/// The hashed features of every token of a sentence: `rows[offsets[i]..<offsets[i + 1]]` are token
/// `i`'s rows in the weight table.
public struct FeatureMatrix: Sendable {
    public var rows: [Int32]
    public var offsets: [Int32]

    public var tokenCount: Int { offsets.count - 1 }

    public func rows(of token: Int) -> ArraySlice<Int32> {
        rows[Int(offsets[token])..<Int(offsets[token + 1])]
    }
}

/// Turns a sentence's tokens into feature rows.
///
/// Templates: the word (exact and lower case), shape, capitalization, affixes, the words and shapes of
/// two neighbours on each side with bigrams, word classes, sentence position, lexicon matches with their
/// BILOU position, an all-capitals flag, and the word clusters of the word (three granularities, and
/// the middle one with the shape) and of its neighbours (middle granularity). In an all-capitals sentence (a headline or a shouted line)
/// each word is first recased to its usual capitalization, so "PUTIN MEETS LUKASHENKO" gets the features
/// of "Putin meets Lukashenko".
public struct FeatureExtractor: Sendable, Equatable {
    public let hashBits: Int
    public let lexicon: Lexicon
    public let wordClasses: WordClasses
    public let clusters: WordClusters

    public init(hashBits: Int, lexicon: Lexicon, wordClasses: WordClasses, clusters: WordClusters = WordClusters()) {
        precondition((10...28).contains(hashBits), "hashBits must be between 10 and 28")
        self.hashBits = hashBits
        self.lexicon = lexicon
        self.wordClasses = wordClasses
        self.clusters = clusters
    }

    public var rowCount: Int { 1 << hashBits }

    enum Template: UInt64 {
        case bias = 1, lower, exact, shape, prefix2, prefix3, suffix2, suffix3, suffix4
        case previousLower, nextLower, secondPreviousLower, secondNextLower
        case previousShape, nextShape, previousAndShape, shapeAndNext, previousBigram, nextBigram
        case wordClass, previousClass, nextClass, positionAndCase, caseAndClass, previousLowerAndShape
        case lexicon, previousLexicon, nextLexicon, allCapitalsShape, shapeAndLexicon
        case surroundingWords, shapeAndNextLower, previousClassAndShape
        case cluster, previousCluster, nextCluster, clusterAndShape
    }

    /// Sentinel values for positions before the first and after the last token.
    private static let before: UInt64 = 0x5EED_0000_0000_0001
    private static let after: UInt64 = 0x5EED_0000_0000_0002

    /// Whether a sentence is written in capitals throughout (a headline, a shouted line).
    public func isAllCapitals(_ forms: [WordForm]) -> Bool {
        var lettered = 0, capitals = 0
        for form in forms where form.caseClass != .noLetters {
            lettered += 1
            if form.caseClass == .allCapitals { capitals += 1 }
        }
        return lettered >= 3 && capitals * 5 >= lettered * 4
    }

    /// The word forms of a sentence, recased when it is all capitals.
    public func forms<S: StringProtocol>(of tokens: [S]) -> (forms: [WordForm], allCapitals: Bool) {
        let forms = tokens.map { WordForm($0) }
        guard isAllCapitals(forms) else { return (forms, false) }
        let recased = zip(tokens, forms).map { token, form -> WordForm in
            guard form.caseClass == .allCapitals else { return form }
            switch wordClasses.habit(of: form.lower) {
            case .alwaysLower, .mostlyLower, .either, .onlySentenceInitial: return WordForm(token, recased: .lower)
            case .mostlyAllCapitals: return form
            case .mostlyCapitalized, nil: return WordForm(token, recased: .initialCapital)
            }
        }
        return (recased, true)
    }

    public func features<S: StringProtocol>(of tokens: [S]) -> FeatureMatrix {
        let (forms, allCapitals) = forms(of: tokens)
        return features(of: forms, allCapitals: allCapitals)
    }

    public func features(of forms: [WordForm], allCapitals: Bool) -> FeatureMatrix {
        let count = forms.count
        let lexiconMasks = lexicon.match(forms.map(\.lower))
        let classes = forms.map { UInt64(wordClasses.wordClass(of: $0.lower)) }
        let hasClusters = !clusters.isEmpty
        let packed = hasClusters ? forms.map { clusters.packed($0.lower) } : []
        var sink = FeatureSink(shift: UInt64(64 - hashBits), capacity: count * 32)
        func union(_ masks: (UInt32, UInt32, UInt32, UInt32)) -> UInt32 { masks.0 | masks.1 | masks.2 | masks.3 }
        for index in 0..<count {
            let form = forms[index]
            let previous = index > 0 ? forms[index - 1] : nil
            let next = index + 1 < count ? forms[index + 1] : nil
            let previousLower = previous?.lower ?? Self.before, nextLower = next?.lower ?? Self.after
            let previousShape = previous?.shape ?? Self.before, nextShape = next?.shape ?? Self.after

            sink.add(.bias, 0)
            sink.add(.lower, form.lower)
            sink.add(.exact, form.exact)
            sink.add(.shape, form.shape)
            if form.prefix2 != 0 { sink.add(.prefix2, form.prefix2) }
            if form.prefix3 != 0 { sink.add(.prefix3, form.prefix3) }
            if form.suffix2 != 0 { sink.add(.suffix2, form.suffix2) }
            if form.suffix3 != 0 { sink.add(.suffix3, form.suffix3) }
            if form.suffix4 != 0 { sink.add(.suffix4, form.suffix4) }
            sink.add(.previousLower, previousLower)
            sink.add(.nextLower, nextLower)
            sink.add(.secondPreviousLower, index > 1 ? forms[index - 2].lower : Self.before)
            sink.add(.secondNextLower, index + 2 < count ? forms[index + 2].lower : Self.after)
            sink.add(.previousShape, previousShape)
            sink.add(.nextShape, nextShape)
            sink.add(.previousAndShape, previousShape, form.shape)
            sink.add(.shapeAndNext, form.shape, nextShape)
            sink.add(.previousBigram, previousLower, form.lower)
            sink.add(.nextBigram, form.lower, nextLower)
            sink.add(.previousLowerAndShape, previousLower, form.shape)
            sink.add(.surroundingWords, previousLower, nextLower)
            sink.add(.shapeAndNextLower, form.shape, nextLower)
            sink.add(.wordClass, classes[index])
            sink.add(.previousClass, index > 0 ? classes[index - 1] : Self.before)
            sink.add(.nextClass, index + 1 < count ? classes[index + 1] : Self.after)
            let position: UInt64 = index == 0 ? 1 : (index == count - 1 ? 2 : 0)
            sink.add(.positionAndCase, position, UInt64(form.caseClass.rawValue))
            sink.add(.caseAndClass, UInt64(form.caseClass.rawValue), classes[index])
            sink.add(.previousClassAndShape, index > 0 ? classes[index - 1] : Self.before, form.shape)
            if allCapitals { sink.add(.allCapitalsShape, form.shape) }
            if hasClusters {
                let own = packed[index]
                let before = index > 0 ? packed[index - 1] : WordClusters.beforeSentence
                let after = index + 1 < count ? packed[index + 1] : WordClusters.afterSentence
                if own != 0 {
                    sink.add(.cluster, 0, WordClusters.level(own, 0))
                    sink.add(.cluster, 1, WordClusters.level(own, 1))
                    sink.add(.cluster, 2, WordClusters.level(own, 2))
                    sink.add(.clusterAndShape, WordClusters.level(own, 1), form.shape)
                }
                sink.add(.previousCluster, WordClusters.level(before, 1))
                sink.add(.nextCluster, WordClusters.level(after, 1))
            }

            let masks = lexiconMasks[index]
            for (bilou, mask) in [masks.0, masks.1, masks.2, masks.3].enumerated() where mask != 0 {
                var bits = mask
                while bits != 0 {
                    let category = UInt64(bits.trailingZeroBitCount)
                    bits &= bits - 1
                    sink.add(.lexicon, category, UInt64(bilou))
                    sink.add(.shapeAndLexicon, category, form.shape)
                }
            }
            if index > 0 { sink.addCategories(union(lexiconMasks[index - 1]), .previousLexicon) }
            if index + 1 < count { sink.addCategories(union(lexiconMasks[index + 1]), .nextLexicon) }
            sink.endToken()
        }

        return FeatureMatrix(rows: sink.rows, offsets: sink.offsets)
    }
}

/// Collects hashed feature rows; a value type rather than closures over local arrays, which would
/// pay for a dynamic exclusivity check on every feature.
private struct FeatureSink {
    let shift: UInt64
    var rows: [Int32]
    var offsets: [Int32] = [0]

    init(shift: UInt64, capacity: Int) {
        self.shift = shift
        rows = []
        rows.reserveCapacity(capacity)
    }

    mutating func add(_ template: FeatureExtractor.Template, _ a: UInt64, _ b: UInt64 = 0) {
        rows.append(Int32(truncatingIfNeeded: FeatureHash.combine(template.rawValue, a, b) >> shift))
    }

    mutating func addCategories(_ mask: UInt32, _ template: FeatureExtractor.Template) {
        var bits = mask
        while bits != 0 {
            add(template, UInt64(bits.trailingZeroBitCount))
            bits &= bits - 1
        }
    }

    mutating func endToken() { offsets.append(Int32(rows.count)) }
}
