/// How often a word was seen and how it is usually capitalized, from the training text.
///
/// This stands in for word clusters: "Putin" and "Lukashenko" share the class "rare, always capitalized"
/// whatever their spelling, and the capitalization habit is what lets the tagger tell a sentence-initial
/// "The" from a name, and recase an all-capitals headline.
public struct WordClasses: Sendable, Equatable {
    /// Lower-case form hash to class: `frequency bucket * 8 + capitalization habit + 1`; absent means unseen.
    public private(set) var classes: [UInt64: UInt8]

    public init(classes: [UInt64: UInt8] = [:]) { self.classes = classes }

    public enum Habit: UInt8, Sendable {
        case alwaysLower = 0, mostlyLower, either, mostlyCapitalized, mostlyAllCapitals, onlySentenceInitial
    }

    public func wordClass(of lower: UInt64) -> UInt8 { classes[lower] ?? 0 }

    public func habit(of lower: UInt64) -> Habit? {
        guard let value = classes[lower] else { return nil }
        return Habit(rawValue: (value - 1) % 8)
    }

    /// Counts capitalization habits over sentences of tokens; only words seen `minimumCount` times are kept.
    public init(counting sentences: some Sequence<[String]>, minimumCount: Int = 2) {
        var counts: [UInt64: CaseCounts] = [:]
        for tokens in sentences {
            for (index, token) in tokens.enumerated() {
                let form = WordForm(token)
                guard form.caseClass != .noLetters else { continue }
                counts[form.lower, default: CaseCounts()].total += 1
                // The first word's capital says nothing about the word.
                guard index > 0 else { continue }
                switch form.caseClass {
                case .lower: counts[form.lower]!.lower += 1
                case .initialCapital, .mixed: counts[form.lower]!.capitalized += 1
                case .allCapitals: counts[form.lower]!.allCapitals += 1
                case .noLetters: break
                }
            }
        }
        var classes: [UInt64: UInt8] = [:]
        for (key, count) in counts where count.total >= minimumCount {
            let seen = count.lower + count.capitalized + count.allCapitals
            let habit: Habit
            if seen == 0 {
                habit = .onlySentenceInitial
            } else {
                let lowerShare = Double(count.lower) / Double(seen)
                if lowerShare == 1 { habit = .alwaysLower }
                else if lowerShare >= 0.7 { habit = .mostlyLower }
                else if lowerShare >= 0.3 { habit = .either }
                else if count.allCapitals > count.capitalized { habit = .mostlyAllCapitals }
                else { habit = .mostlyCapitalized }
            }
            var bucket = 0
            while bucket < 15, count.total >> (bucket + 1) > 0 { bucket += 1 }
            classes[key] = UInt8(min(bucket, 15) * 8) + habit.rawValue + 1
        }
        self.classes = classes
    }
}

private struct CaseCounts { var total = 0, lower = 0, capitalized = 0, allCapitals = 0 }
