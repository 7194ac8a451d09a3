/// A word or punctuation token.
public struct Token: Spanned, Hashable, Codable {
    public var span: Span
    public init(_ span: Span) { self.span = span }
    public init(start: Int, end: Int) { self.span = Span(start: start, end: end) }
}

/// A sentence. `tokens` are the indices of its tokens in the document's token layer.
public struct Sentence: Spanned, Hashable, Codable {
    public var span: Span
    public var tokens: Range<Int>

    public init(_ span: Span, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }

    // The contract's shape, `{start, end}`, plus the token range when a writer keeps it; a sentence read
    // without one gets it from the token layer (`Sentences.read`).
    enum CodingKeys: String, CodingKey { case start, end, tokens }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        span = Span(start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end))
        tokens = try container.decodeIfPresent(Range<Int>.self, forKey: .tokens) ?? 0..<0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(span.start, forKey: .start)
        try container.encode(span.end, forKey: .end)
        try container.encode(tokens, forKey: .tokens)
    }
}

/// A named entity mention. `canonical` is the fullest name of the same entity in the document.
public struct Entity: Spanned, Hashable, Codable {
    public var span: Span
    public var label: String
    public var canonical: String?

    public init(_ span: Span, label: String, canonical: String? = nil) {
        self.span = span
        self.label = label
        self.canonical = canonical
    }
}

/// A direct quote, the person or organization who said it (nil when nobody can be named), and the
/// speech verb or phrase that marks it.
public struct Quote: Spanned, Hashable, Codable {
    public struct Speaker: Hashable, Sendable, Codable {
        public var span: Span
        public var canonical: String?
        public init(_ span: Span, canonical: String? = nil) {
            self.span = span
            self.canonical = canonical
        }
    }

    /// What a quoted stretch is: speech, or a scare-quoted term with no speech context.
    public enum Kind: String, OptionChoice {
        case quote, term
    }

    public var span: Span
    public var speaker: Speaker?
    public var cue: Span?
    public var kind: Kind?

    public init(_ span: Span, speaker: Speaker? = nil, cue: Span? = nil, kind: Kind? = nil) {
        self.span = span
        self.speaker = speaker
        self.cue = cue
        self.kind = kind
    }
}

/// A TIMEX3 temporal expression.
public struct Timex: Spanned, Hashable, Codable {
    public enum Kind: String, OptionChoice {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    public var span: Span
    public var type: Kind
    /// The TIMEX3 value: `2022-04-12`, `2022-W15`, `P3Y`, `XXXX-WXX-1`, `PRESENT_REF`, ...
    public var value: String
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, ...
    public var mod: String?

    public init(_ span: Span, type: Kind, value: String, mod: String? = nil) {
        self.span = span
        self.type = type
        self.value = value
        self.mod = mod
    }
}
