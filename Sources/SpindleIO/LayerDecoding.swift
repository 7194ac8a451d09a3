import Foundation
import SpindleCore

/// Reads layers back from the output contract's JSON: what a subprocess or a shared-library annotator
/// returns. Built-in layers become their typed values (and are checked); others are kept as JSON.
public enum LayerDecoding {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Sets `name` on `document` from `value`.
    public static func apply(_ name: LayerName, _ value: JSONValue, to document: inout Document, scalarCount: Int) throws {
        switch name {
        case .tokens: document[Tokens.self] = try list(value, name) { Token(try span($0, name, scalarCount)) }
        case .sentences:
            let spans = try list(value, name) { try span($0, name, scalarCount) }
            document[Sentences.self] = sentences(spans, tokens: document.tokens)
        case .entities:
            document[Entities.self] = try list(value, name) { item in
                Entity(try span(item, name, scalarCount), label: item.objectValue?["label"]?.stringValue ?? "MISC",
                       canonical: item.objectValue?["canonical"]?.stringValue)
            }
        case .timexes:
            document[Timexes.self] = try list(value, name) { item in
                let fields = item.objectValue ?? [:]
                guard let type = fields["type"]?.stringValue.flatMap(Timex.Kind.init(rawValue:)),
                      let timexValue = fields["value"]?.stringValue else {
                    throw Failure(description: "each timex needs \"type\" (DATE, TIME, DURATION or SET) and \"value\"")
                }
                return Timex(try span(item, name, scalarCount), type: type, value: timexValue, mod: fields["mod"]?.stringValue)
            }
        case .quotes:
            document[Quotes.self] = try list(value, name) { item in
                let fields = item.objectValue ?? [:]
                var speaker: Quote.Speaker?
                if let value = fields["speaker"], value != .null {
                    speaker = Quote.Speaker(try span(value, name, scalarCount), canonical: value.objectValue?["canonical"]?.stringValue)
                }
                var cue: Span?
                if let value = fields["cue"], value != .null { cue = try span(value, name, scalarCount) }
                return Quote(try span(item, name, scalarCount), speaker: speaker, cue: cue, kind: fields["kind"]?.stringValue)
            }
        default:
            document.setLayer(name, json: value)
        }
    }

    private static func list<T>(_ value: JSONValue, _ name: LayerName, _ make: (JSONValue) throws -> T) throws -> [T] {
        guard case .array(let items) = value else { throw Failure(description: "layer `\(name)` must be a list") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try make(item)) }
        return result
    }

    private static func span(_ value: JSONValue, _ name: LayerName, _ scalarCount: Int) throws -> Span {
        guard case .int(let start)? = value.objectValue?["start"], case .int(let end)? = value.objectValue?["end"],
              0 <= start, start <= end, end <= scalarCount else {
            throw Failure(description: "layer `\(name)` has an item without a valid \"start\"/\"end\" inside the text (0...\(scalarCount))")
        }
        return Span(start: start, end: end)
    }

    /// Sentences from spans, with their token ranges worked out from the token layer.
    private static func sentences(_ spans: [Span], tokens: [Token]) -> [Sentence] {
        var index = 0
        return spans.map { span in
            while index < tokens.count, tokens[index].span.start < span.start { index += 1 }
            let first = index
            while index < tokens.count, tokens[index].span.end <= span.end { index += 1 }
            return Sentence(span, tokens: first..<index)
        }
    }
}

extension Document {
    /// A document from the output contract's JSON: text, id, metadata and every layer present.
    public init(contractJSON bytes: [UInt8]) throws {
        let object = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        guard case .string(let text)? = object["text"] else {
            throw LayerDecoding.Failure(description: "the document has no \"text\" string")
        }
        var metadata = Metadata(id: object["id"]?.stringValue ?? "doc")
        for (key, value) in object["metadata"]?.objectValue ?? [:] {
            metadata.set(key, value)
        }
        self.init(text: text, metadata: metadata)
        let scalarCount = text.unicodeScalars.count
        // Tokens first: sentences take their token ranges from them.
        let names = object.keys.filter { !["id", "text", "metadata"].contains($0) }
            .sorted { ($0 == "tokens" ? 0 : 1, $0) < ($1 == "tokens" ? 0 : 1, $1) }
        for name in names {
            try LayerDecoding.apply(LayerName(name), object[name]!, to: &self, scalarCount: scalarCount)
        }
    }
}
