import SpindleCore

/// Turns an annotated document into the bytes of one output file or line.
public protocol DocumentEncoder: Sendable {
    /// The file extension for one document per file, without the dot.
    var fileExtension: String { get }
    func encode(_ document: Document) -> [UInt8]
}

/// Writes a document as the output contract's JSON object: id, text, metadata, then the layers — the
/// contract's five in their fixed order, then the others in the order they were added. Each layer
/// writes itself (`Layer.write`), with span texts cut through the document's one text view.
public struct DocumentJSONWriter: DocumentEncoder {
    public var fileExtension: String { "json" }

    /// Layers to leave out of the output (all are written by default).
    public var excludedLayers: Set<LayerName>

    public init(excludedLayers: Set<LayerName> = []) {
        self.excludedLayers = excludedLayers
    }

    public func encode(_ document: Document) -> [UInt8] {
        var out = JSONOutput(text: document.textView)
        out.raw("{\"id\":"); out.string(document.id)
        out.raw(",\"text\":"); out.string(document.text)
        out.raw(",\"metadata\":"); out.value(.object(document.metadata.fields))
        for name in LayerName.builtIn + document.layers.names.filter({ !LayerName.builtIn.contains($0) })
        where document.has(name) && !excludedLayers.contains(name) {
            out.raw(",\""); out.unescaped(name.rawValue); out.raw("\":")
            document.layers.write(name, to: &out)
        }
        out.raw("}")
        return out.bytes
    }
}

extension DocumentJSONWriter {
    /// Only the named layers, as one JSON object: what an out-of-process annotator sends back.
    public func encodeLayers(_ names: [LayerName], of document: Document) -> [UInt8] {
        var out = JSONOutput(text: document.textView)
        out.raw("{")
        for (number, name) in names.enumerated() where document.has(name) {
            if number > 0 { out.raw(",") }
            out.string(name.rawValue); out.raw(":")
            document.layers.write(name, to: &out)
        }
        out.raw("}")
        return out.bytes
    }
}
