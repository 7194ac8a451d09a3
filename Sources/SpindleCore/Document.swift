/// What is known about a document besides its text. Keys other than the named ones (from JSONL input,
/// for example) are kept in `extra` and written back out under `metadata`.
public struct Metadata: Hashable, Sendable {
    public var id: String
    /// Publication date as written in the input, normally `YYYY-MM-DD`; the dates annotator anchors on it.
    public var date: String?
    public var source: String?
    public var title: String?
    public var language: String?
    public var extra: [String: JSONValue]

    public init(id: String, date: String? = nil, source: String? = nil, title: String? = nil,
                language: String? = nil, extra: [String: JSONValue] = [:]) {
        self.id = id
        self.date = date
        self.source = source
        self.title = title
        self.language = language
        self.extra = extra
    }

    /// Sets a field read from input: the named ones when they are strings, anything else into `extra`.
    public mutating func set(_ key: String, _ value: JSONValue) {
        switch (key, value) {
        case ("date", .string(let date)): self.date = date
        case ("source", .string(let source)): self.source = source
        case ("title", .string(let title)): self.title = title
        case ("language", .string(let language)): self.language = language
        default: extra[key] = value
        }
    }

    /// Every field except `id` as one JSON object, the form the output contract uses.
    public var fields: [String: JSONValue] {
        var fields = extra
        if let date { fields["date"] = .string(date) }
        if let source { fields["source"] = .string(source) }
        if let title { fields["title"] = .string(title) }
        if let language { fields["language"] = .string(language) }
        return fields
    }
}

/// A document: the original text, never modified, its metadata, and typed layers of annotations.
///
/// `Document` is a value. An annotator receives it `inout`, reads the layers it requires and adds the
/// ones it provides; nothing else holds a reference to it.
public struct Document: Sendable {
    public let text: String
    public var metadata: Metadata
    public private(set) var layers: LayerStore

    public init(text: String, metadata: Metadata) {
        self.text = text
        self.metadata = metadata
        self.layers = LayerStore()
    }

    public init(id: String = "doc", text: String) {
        self.init(text: text, metadata: Metadata(id: id))
    }

    public var id: String { metadata.id }

    /// The value of a layer, or nil when no annotator has provided it.
    public subscript<L: Layer>(layer: L.Type) -> L.Value? {
        get { layers[L.self] }
        set { layers[L.self] = newValue }
    }

    public func has(_ name: LayerName) -> Bool { layers.contains(name) }

    /// Sets a layer known only by name at run time; its value is written to the output as it is.
    public mutating func setLayer(_ name: LayerName, json value: JSONValue) { layers.set(name, json: value) }

    public var tokens: [Token] { self[Tokens.self] ?? [] }
    public var sentences: [Sentence] { self[Sentences.self] ?? [] }
    public var entities: [Entity] { self[Entities.self] ?? [] }
    public var quotes: [Quote] { self[Quotes.self] ?? [] }
    public var timexes: [Timex] { self[Timexes.self] ?? [] }

    /// The text of a span. For many spans build one `ScalarIndex` and use it instead: this walks the text.
    public func text(of span: Span) -> Substring {
        ScalarIndex(text).substring(span)
    }
}

/// Layers by name, in the order they were added, so output is deterministic.
public struct LayerStore: Sendable {
    private var values: [LayerName: any Sendable & Encodable] = [:]
    public private(set) var names: [LayerName] = []

    public init() {}

    public subscript<L: Layer>(layer: L.Type) -> L.Value? {
        get { values[L.name] as? L.Value }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: L.name) == nil { names.append(L.name) }
            } else if values.removeValue(forKey: L.name) != nil {
                names.removeAll { $0 == L.name }
            }
        }
    }

    /// A layer's value without knowing its type, for writers that encode every layer.
    public subscript(name: LayerName) -> (any Sendable & Encodable)? { values[name] }

    /// Stores a layer whose shape is known only at run time (from a subprocess or a shared library).
    public mutating func set(_ name: LayerName, json value: JSONValue) {
        if values.updateValue(value, forKey: name) == nil { names.append(name) }
    }

    public func contains(_ name: LayerName) -> Bool { values[name] != nil }
}
