/// A half-open range `[start, end)` of Unicode scalar (code point) offsets into a document's text.
///
/// Scalar offsets are what Python slicing and most NLP tooling use, so `text[start:end]` in any of them
/// gives the same characters as `Document.text(of:)` here.
public struct Span: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span must not end before it starts: [\(start), \(end))")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }
}

/// Anything that sits on a span of the text: tokens, sentences, entities and the rest.
public protocol Spanned: Sendable {
    var span: Span { get }
}
