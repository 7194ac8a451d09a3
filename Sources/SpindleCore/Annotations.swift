/// A word or punctuation token.
public struct Token: Spanned, Hashable, Encodable {
    public var span: Span
    public init(_ span: Span) { self.span = span }
    public init(start: Int, end: Int) { self.span = Span(start: start, end: end) }
}

/// A sentence. `tokens` are the indices of its tokens in the document's token layer.
public struct Sentence: Spanned, Hashable, Encodable {
    public var span: Span
    public var tokens: Range<Int>

    public init(_ span: Span, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }

    enum CodingKeys: String, CodingKey { case start, end }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(span.start, forKey: .start)
        try container.encode(span.end, forKey: .end)
    }
}

/// A named entity mention. `canonical` is the fullest name of the same entity in the document.
public struct Entity: Spanned, Hashable, Encodable {
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
public struct Quote: Spanned, Hashable, Encodable {
    public struct Speaker: Hashable, Sendable, Encodable {
        public var span: Span
        public var canonical: String?
        public init(_ span: Span, canonical: String? = nil) {
            self.span = span
            self.canonical = canonical
        }
    }

    public var span: Span
    public var speaker: Speaker?
    public var cue: Span?
    /// "quote" for speech, "term" for a scare-quoted term with no speech context.
    public var kind: String?

    public init(_ span: Span, speaker: Speaker? = nil, cue: Span? = nil, kind: String? = nil) {
        self.span = span
        self.speaker = speaker
        self.cue = cue
        self.kind = kind
    }
}

/// A TIMEX3 temporal expression.
public struct Timex: Spanned, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable, CaseIterable {
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
