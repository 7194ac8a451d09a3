import Foundation

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


/// A kind of layer: its name, the Swift type of its value, and how that value is written to the output,
/// read back from JSON and checked. A layer describes itself, so writers, readers and the conformance
/// suite need no list of layers: a plugin that declares one gets all of it.
///
/// The defaults fit a layer whose value is an array of `Spanned`, `Codable` items — the usual case:
///
/// ```swift
/// struct Keyword: Spanned, Hashable, Codable { var span: Span; var keyword: String }
/// enum Keywords: Layer {
///     static let name: LayerName = "keywords"
///     typealias Value = [Keyword]
/// }
/// ```
///
/// is written as `"keywords":[{"start":0,"end":5,"text":"…","keyword":"…"}]` (sorted keys, `span`
/// flattened), read back from that shape, and its spans — nested ones too, found by reflection — are
/// checked after every step. Override `write`, `read` or `visitSpans` for speed or for another shape.
///
/// The contract, which `SpindleTestKit.checkLayerRoundTrip` tests: `read(write(value))` gives `value`
/// back; `visitSpans` visits every span of the value, items' own spans in the order of the value.
public protocol Layer: Sendable {
    associatedtype Value: Sendable & Codable
    static var name: LayerName { get }
    /// Whether the items' own spans may overlap (entities may; tokens and sentences may not).
    static var spansMayOverlap: Bool { get }

    /// Writes the value as the output contract's JSON.
    static func write(_ value: Value, to output: inout JSONOutput)
    /// Reads a value back from the contract's JSON (a subprocess's reply, an annotated file). `document`
    /// holds the layers read so far, for values that refer to them (sentences to tokens).
    static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> Value
    /// Calls `visit` with every span of the value: `item` true for each item's own span, false for spans
    /// nested inside an item (a quote's speaker and cue).
    static func visitSpans(of value: Value, _ visit: (_ span: Span, _ item: Bool) -> Void)
}

extension Layer {
    public static var spansMayOverlap: Bool { true }

    public static func write(_ value: Value, to output: inout JSONOutput) {
        output.encodable(value)
    }

    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> Value {
        try decodeContractJSON(json)
    }

    /// Decodes the contract's shape with `Value`'s `Decodable`: every `{start, end}` object also gets a
    /// `span`, so types that store `span: Span` and types that store `start`/`end` both read it.
    public static func decodeContractJSON(_ json: JSONValue) throws(LayerReadError) -> Value {
        do {
            let data = try JSONEncoder().encode(json.withNestedSpans)
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw LayerReadError(layer: name, reason: LayerReadError.explain(error))
        }
    }

    public static func visitSpans(of value: Value, _ visit: (_ span: Span, _ item: Bool) -> Void) {
        SpanReflection.visit(value, item: true, visit)
    }
}

extension JSONValue {
    /// Every object with integer `start` and `end` also gets `"span": {start, end}`.
    var withNestedSpans: JSONValue {
        switch self {
        case .array(let items): return .array(items.map(\.withNestedSpans))
        case .object(var object):
            for (key, item) in object { object[key] = item.withNestedSpans }
            if object["span"] == nil, case .int(let start)? = object["start"], case .int(let end)? = object["end"] {
                object["span"] = .object(["start": .int(start), "end": .int(end)])
            }
            return .object(object)
        default: return self
        }
    }
}

/// Finds spans in any value by reflection: the default for plugin layers, which are small next to
/// tokens (the built-in layers visit their spans directly).
enum SpanReflection {
    static func visit(_ value: Any, item: Bool, _ visit: (Span, Bool) -> Void) {
        if let span = value as? Span {
            visit(span, item)
            return
        }
        if let spanned = value as? any Spanned {
            visit(spanned.span, item)
            nested(in: value, skipping: "span", visit)
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?, .set?:
            for child in mirror.children { self.visit(child.value, item: item, visit) }
        case .optional?:
            for child in mirror.children { self.visit(child.value, item: item, visit) }
        default:
            nested(in: value, skipping: nil, visit)
        }
    }

    private static func nested(in value: Any, skipping label: String?, _ visit: (Span, Bool) -> Void) {
        for child in Mirror(reflecting: value).children where child.label != label {
            self.visit(child.value, item: false, visit)
        }
    }
}

/// A layer whose JSON could not be read as its Swift type.
public struct LayerReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var layer: LayerName
    public var reason: String

    public init(layer: LayerName, reason: String) {
        self.layer = layer
        self.reason = reason
    }

    public var description: String { "layer `\(layer)`: \(reason)" }

    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the layer" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)) is not \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)) is missing (expected \(type))"
        case .keyNotFound(let key, let context): return "\(path(context.codingPath)) has no \"\(key.stringValue)\""
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// A layer type with its generic parts erased, so tables and stores can hold layers of any type.
public struct LayerKind: Sendable {
    public let name: LayerName
    /// The Swift type, for messages ("SpindleKeywords.Keywords").
    public let typeName: String
    let write: @Sendable (any Sendable, inout JSONOutput) -> Void
    let read: @Sendable (JSONValue, Document) throws(LayerReadError) -> any Sendable
    let visitSpans: @Sendable (any Sendable, (Span, Bool) -> Void) -> Void
    public let spansMayOverlap: Bool
    let isType: @Sendable (Any.Type) -> Bool

    public init<L: Layer>(_ type: L.Type) {
        name = L.name
        typeName = String(reflecting: L.self)
        write = { value, output in L.write(value as! L.Value, to: &output) }
        read = { (json, document) throws(LayerReadError) in try L.read(json, in: document) }
        visitSpans = { value, visit in L.visitSpans(of: value as! L.Value, visit) }
        spansMayOverlap = L.spansMayOverlap
        isType = { $0 == L.self }
    }
}

/// Layer types by name: the built-in ones and those each plugin manifest lists. It is how a layer that
/// arrived as JSON (from a subprocess, a shared library or a file) becomes its Swift type again.
public struct LayerTable: Sendable {
    private var kinds: [LayerName: LayerKind] = [:]

    /// The contract's five layers.
    public static let builtIn = LayerTable(uniqueKinds: [
        LayerKind(Tokens.self), LayerKind(Sentences.self), LayerKind(Entities.self),
        LayerKind(Quotes.self), LayerKind(Timexes.self),
    ])

    public init() {}

    private init(uniqueKinds: [LayerKind]) {
        for kind in uniqueKinds { kinds[kind.name] = kind }
    }

    /// Adds a layer type; the same type twice is fine, two types under one name are not.
    public mutating func register(_ kind: LayerKind) throws(RegistryError) {
        if let existing = kinds[kind.name] {
            guard existing.typeName == kind.typeName else {
                throw .duplicateLayer(kind.name, existing: existing.typeName, new: kind.typeName)
            }
            return
        }
        kinds[kind.name] = kind
    }

    public subscript(name: LayerName) -> LayerKind? { kinds[name] }

    public var names: [LayerName] { kinds.keys.sorted() }
}
