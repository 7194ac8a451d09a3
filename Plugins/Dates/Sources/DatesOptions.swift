import SpindleCore

/// Options of the `dates` annotator.
public struct DatesOptions: AnnotatorOptions, Equatable {
    /// What relative expressions are resolved against: `metadata.date` (the document's date, falling
    /// back to a dateline at the top of the text), a fixed `YYYY-MM-DD`, or `today` (the machine clock,
    /// UTC, read for each document).
    public var reference = "metadata.date"
    /// The TIMEX3 types to emit.
    public var types: [Timex.Kind] = Timex.Kind.allCases
    /// Where a weekday, month or holiday points when its sentence shows no tense.
    public var undetermined = UndeterminedDirection.nearest
    /// Look for a dateline ("WASHINGTON, April 12, 2022 —") when the document has no date.
    public var dateline = true

    public init() {}

    public static let help = [
        "reference": "anchor for relative dates: metadata.date (default; the document's date, else its dateline), YYYY-MM-DD, or today",
        "types": "TIMEX3 types to emit (default [DATE, TIME, DURATION, SET])",
        "undetermined": "direction of a weekday or month when the tense shows none: nearest (default), future or past",
        "dateline": "when the document has no date, anchor on a date at the top of the text (default true)",
    ]
}

/// Where a weekday, month or holiday points when its sentence shows no tense: `nearest` (the occurrence
/// closest to the anchor, the safe reading for news), `future` (scheduling text: "meet on Friday"), or `past`.
public enum UndeterminedDirection: String, OptionChoice {
    case nearest, future, past
}

/// Where the anchor comes from, checked once when the pipeline is built.
enum ReferenceSource: Hashable, Sendable {
    case metadata
    case fixed(Anchor)
    case today

    init(_ option: String) throws(AnnotatorSetupError) {
        switch option {
        case "metadata.date": self = .metadata
        case "today": self = .today
        default:
            guard let anchor = Anchor(parsing: option) else {
                throw .option("reference", "`\(option)` is not a reference: write metadata.date, today, or a date as YYYY-MM-DD (e.g. 2022-04-12)")
            }
            self = .fixed(anchor)
        }
    }
}
