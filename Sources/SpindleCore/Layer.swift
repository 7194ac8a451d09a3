/// The name of a layer of annotations, as it appears in pipeline requirements and in the JSON output.
public struct LayerName: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: LayerName, rhs: LayerName) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let tokens: LayerName = "tokens"
    public static let sentences: LayerName = "sentences"
    public static let entities: LayerName = "entities"
    public static let quotes: LayerName = "quotes"
    public static let timexes: LayerName = "timexes"

    /// The layers every Spindle build knows, in the order the JSON output lists them.
    public static let builtIn: [LayerName] = [.sentences, .tokens, .entities, .quotes, .timexes]
}

/// A kind of layer: its name and the Swift type of its value.
///
/// A plugin adds a layer of its own by declaring one of these; the value is `Encodable` so writers can
/// put it in the output without knowing the plugin.
///
/// ```swift
/// enum Keywords: Layer {
///     static let name: LayerName = "keywords"
///     typealias Value = [KeywordMatch]
/// }
/// ```
public protocol Layer {
    associatedtype Value: Sendable & Encodable
    static var name: LayerName { get }
}

/// Word and punctuation tokens, sorted, not overlapping.
public enum Tokens: Layer {
    public typealias Value = [Token]
    public static var name: LayerName { .tokens }
}

/// Sentences, sorted, not overlapping; each starts and ends on a token boundary.
public enum Sentences: Layer {
    public typealias Value = [Sentence]
    public static var name: LayerName { .sentences }
}

/// Named entity mentions (PER, ORG, LOC, MISC).
public enum Entities: Layer {
    public typealias Value = [Entity]
    public static var name: LayerName { .entities }
}

/// Direct quotes with their speaker and speech cue.
public enum Quotes: Layer {
    public typealias Value = [Quote]
    public static var name: LayerName { .quotes }
}

/// Temporal expressions with TIMEX3 values.
public enum Timexes: Layer {
    public typealias Value = [Timex]
    public static var name: LayerName { .timexes }
}
