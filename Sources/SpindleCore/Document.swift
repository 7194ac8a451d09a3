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
    private var viewCache = TextViewCache()

    public init(text: String, metadata: Metadata) {
        self.text = text
        self.metadata = metadata
        self.layers = LayerStore()
    }

    public init(id: String = "doc", text: String) {
        self.init(text: text, metadata: Metadata(id: id))
    }

    public var id: String { metadata.id }

    /// The value of a layer, or nil when no annotator has provided it. A layer that arrived as JSON is
    /// decoded here when it reads as `L`; `read(_:)` says why when it does not.
    public subscript<L: Layer>(layer: L.Type) -> L.Value? {
        get { try? read(L.self) }
        set {
            if let newValue { layers.set(L.self, newValue) } else { layers.remove(L.name) }
            if L.name == .tokens { viewCache = TextViewCache(after: viewCache) }
        }
    }

    /// The value of a layer: nil when absent, an error when it arrived as JSON that does not read as `L`.
    public func read<L: Layer>(_ layer: L.Type) throws(LayerReadError) -> L.Value? {
        switch layers.entry(L.name) {
        case nil: return nil
        case .typed(let value, _)?:
            guard let value = value as? L.Value else {
                throw LayerReadError(layer: L.name, reason: "it holds \(type(of: value)), not \(L.Value.self)")
            }
            return value
        case .json(let json)?:
            return try L.read(json, in: self)
        }
    }

    public func has(_ name: LayerName) -> Bool { layers.contains(name) }

    /// Sets a layer known only by name at run time; its value is written to the output as it is, with
    /// span texts added, and read as a Swift type when an annotator asks for one.
    public mutating func setLayer(_ name: LayerName, json value: JSONValue) {
        layers.set(name, json: value)
        if name == .tokens { viewCache = TextViewCache(after: viewCache) }
    }

    /// Sets a layer from the contract's JSON: as its Swift type when `table` knows the name (so spans
    /// are checked and typed readers see it), as JSON otherwise.
    public mutating func setLayer(_ name: LayerName, json value: JSONValue, table: LayerTable) throws(LayerReadError) {
        guard let kind = table[name] else { return setLayer(name, json: value) }
        let typed = try kind.read(value, self)
        layers.set(name, typed, kind: kind)
        if name == .tokens { viewCache = TextViewCache(after: viewCache) }
    }

    /// Turns the layers that arrived as JSON and that `table` knows into their Swift types, once.
    public mutating func decodeLayers(_ names: some Sequence<LayerName>, table: LayerTable) throws(LayerReadError) {
        for name in names {
            guard case .json(let json)? = layers.entry(name), table[name] != nil else { continue }
            try setLayer(name, json: json, table: table)
        }
    }

    public var tokens: [Token] { self[Tokens.self] ?? [] }
    public var sentences: [Sentence] { self[Sentences.self] ?? [] }
    public var entities: [Entity] { self[Entities.self] ?? [] }
    public var quotes: [Quote] { self[Quotes.self] ?? [] }
    public var timexes: [Timex] { self[Timexes.self] ?? [] }

    /// The text as annotators read it (scalar index, token texts, lower-case keys), made once per
    /// document and shared by every step.
    public var textView: TextView { viewCache.view(text: text) { tokens } }

    /// The text of a span.
    public func text(of span: Span) -> Substring {
        textView.scalarIndex.substring(span)
    }

    /// Checks the spans of a layer: inside the text, and the items' own spans sorted by start (and not
    /// overlapping, for layers whose spans may not). Cheap enough to run after every step.
    public func checkSpans(of name: LayerName) throws(LayerReadError) {
        guard case .typed(let value, let kind)? = layers.entry(name) else { return }
        let length = textView.scalarCount
        var problem: String?
        var previous: Span?
        kind.visitSpans(value) { span, item in
            guard problem == nil else { return }
            guard span.start >= 0, span.end <= length else {
                problem = "span \(span) is outside the text of \(length) scalars"
                return
            }
            guard item else { return }
            if let previous {
                if previous.start > span.start {
                    problem = "spans are not sorted by start: \(previous) before \(span)"
                } else if !kind.spansMayOverlap, previous.end > span.start {
                    problem = "spans overlap: \(previous) and \(span)"
                }
            }
            previous = span
        }
        if let problem { throw LayerReadError(layer: name, reason: problem) }
    }
}

/// Layers by name, in the order they were added, so output is deterministic. Each value is kept with
/// its layer type, so writers and checkers need no list of layers.
public struct LayerStore: Sendable {
    public enum Entry: Sendable {
        /// A Swift value and the layer type it was stored as.
        case typed(any Sendable, LayerKind)
        /// A layer whose shape is known only at run time (from a subprocess or a shared library).
        case json(JSONValue)
    }

    private var values: [LayerName: Entry] = [:]
    public private(set) var names: [LayerName] = []

    public init() {}

    public func entry(_ name: LayerName) -> Entry? { values[name] }

    mutating func set<L: Layer>(_ type: L.Type, _ value: L.Value) {
        set(L.name, value, kind: LayerKind(L.self))
    }

    mutating func set(_ name: LayerName, _ value: any Sendable, kind: LayerKind) {
        if values.updateValue(.typed(value, kind), forKey: name) == nil { names.append(name) }
    }

    mutating func set(_ name: LayerName, json value: JSONValue) {
        if values.updateValue(.json(value), forKey: name) == nil { names.append(name) }
    }

    mutating func remove(_ name: LayerName) {
        if values.removeValue(forKey: name) != nil { names.removeAll { $0 == name } }
    }

    public subscript<L: Layer>(layer: L.Type) -> L.Value? {
        if case .typed(let value, _)? = values[L.name] { value as? L.Value } else { nil }
    }

    public func contains(_ name: LayerName) -> Bool { values[name] != nil }

    /// Writes one layer as the contract's JSON.
    public func write(_ name: LayerName, to output: inout JSONOutput) {
        switch values[name] {
        case .typed(let value, let kind)?: kind.write(value, &output)
        case .json(let json)?: output.contractValue(json)
        case nil: output.raw("null")
        }
    }
}
