import Foundation
import SpindleCore

/// A document in the output contract's JSON that could not be read.
public struct ContractJSONError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

extension Document {
    /// A document from the output contract's JSON: text, id, metadata and every layer present. Layers
    /// that `table` knows become their Swift types (and are checked); others are kept as JSON.
    public init(contractJSON bytes: [UInt8], table: LayerTable = .builtIn) throws {
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))
        } catch {
            throw ContractJSONError(description: "not a JSON object: \(error)")
        }
        guard case .string(let text)? = object["text"] else {
            throw ContractJSONError(description: "the document has no \"text\" string")
        }
        var metadata = Metadata(id: object["id"]?.stringValue ?? "doc")
        for (key, value) in object["metadata"]?.objectValue ?? [:] {
            metadata.set(key, value)
        }
        self.init(text: text, metadata: metadata)
        // The contract's layers first, in its order: sentences take their token ranges from the tokens.
        let names = object.keys.filter { !["id", "text", "metadata"].contains($0) }.map { LayerName($0) }
            .sorted { (LayerName.readingOrder.firstIndex(of: $0) ?? 99, $0) < (LayerName.readingOrder.firstIndex(of: $1) ?? 99, $1) }
        for name in names {
            try setLayer(name, json: object[name.rawValue]!, table: table)
        }
    }
}

extension LayerName {
    /// Tokens before sentences, which refer to them.
    static let readingOrder: [LayerName] = [.tokens, .sentences, .entities, .quotes, .timexes]
}

/// Core API 1's reader of layers from JSON, kept for one release.
public enum LayerDecoding {
    @available(*, deprecated, renamed: "ContractJSONError")
    public typealias Failure = ContractJSONError

    @available(*, deprecated, message: "use `document.setLayer(name, json: value, table: registry.layers)`: the layer table knows every plugin's layers")
    public static func apply(_ name: LayerName, _ value: JSONValue, to document: inout Document, scalarCount: Int) throws {
        try document.setLayer(name, json: value, table: .builtIn)
    }
}
