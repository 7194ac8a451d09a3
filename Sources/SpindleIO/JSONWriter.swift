import Foundation
import SpindleCore

/// Writes a document as the output contract's JSON object, by hand: key order is fixed (id, text,
/// metadata, then layers), every span gets its `text`, and it is several times faster than
/// `JSONEncoder` on token-heavy documents.
/// Turns an annotated document into the bytes of one output file or line.
public protocol DocumentEncoder: Sendable {
    /// The file extension for one document per file, without the dot.
    var fileExtension: String { get }
    func encode(_ document: Document) -> [UInt8]
}

public struct DocumentJSONWriter: DocumentEncoder {
    public var fileExtension: String { "json" }

    /// Layers to leave out of the output (all are written by default).
    public var excludedLayers: Set<LayerName>

    public init(excludedLayers: Set<LayerName> = []) {
        self.excludedLayers = excludedLayers
    }

    public func encode(_ document: Document) -> [UInt8] {
        var out = JSONBuffer()
        let index = ScalarIndex(document.text)
        out.raw("{\"id\":"); out.string(document.id)
        out.raw(",\"text\":"); out.string(document.text)
        out.raw(",\"metadata\":"); out.value(.object(document.metadata.fields))
        var cursor = ScalarCursor(index: index)
        for name in LayerName.builtIn + document.layers.names.filter({ !LayerName.builtIn.contains($0) })
        where document.has(name) && !excludedLayers.contains(name) {
            out.raw(",\""); out.text(name.rawValue); out.raw("\":")
            out.layer(name, of: document, cursor: &cursor, index: index)
        }
        out.raw("}")
        return out.bytes
    }
}

extension DocumentJSONWriter {
    /// Only the named layers, as one JSON object: what an out-of-process annotator sends back.
    public func encodeLayers(_ names: [LayerName], of document: Document) -> [UInt8] {
        var out = JSONBuffer()
        let index = ScalarIndex(document.text)
        var cursor = ScalarCursor(index: index)
        out.raw("{")
        for (number, name) in names.enumerated() where document.has(name) {
            if number > 0 { out.raw(",") }
            out.string(name.rawValue); out.raw(":")
            out.layer(name, of: document, cursor: &cursor, index: index)
        }
        out.raw("}")
        return out.bytes
    }
}

/// Moves through scalar offsets mostly forward, as sorted spans are visited, falling back to the
/// index's checkpoints when asked to go back.
struct ScalarCursor {
    let index: ScalarIndex
    private var scalar = 0
    private var utf8 = 0

    init(index: ScalarIndex) { self.index = index }

    mutating func utf8Offset(_ target: Int) -> Int {
        if target < scalar || target - scalar > 128 {
            scalar = target
            utf8 = index.utf8Offset(ofScalar: target)
            return utf8
        }
        index.text.utf8.withContiguousStorageIfAvailable { bytes in
            while scalar < target {
                utf8 += 1
                while utf8 < bytes.count, bytes[utf8] & 0xC0 == 0x80 { utf8 += 1 }
                scalar += 1
            }
        }
        return utf8
    }

    mutating func text(_ span: Span) -> Range<Int> {
        let start = utf8Offset(span.start)
        return start..<utf8Offset(span.end)
    }
}

struct JSONBuffer {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 14) }

    mutating func raw(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Digits written straight into the buffer: offsets are most of a token-heavy document's output.
    mutating func int(_ value: Int) {
        if value == .min { bytes.append(contentsOf: "-9223372036854775808".utf8); return } // -Int.min overflows
        if value < 0 {
            bytes.append(0x2D)
            int(-value)
            return
        }
        if value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { escaped($0) }
    }

    mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            runStart = i + 1
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(0x22)
    }

    mutating func layer(_ name: LayerName, of document: Document, cursor: inout ScalarCursor, index: ScalarIndex) {
        switch name {
        case .tokens: spans(document.tokens, cursor: &cursor)
        case .sentences: spans(document.sentences, cursor: &cursor)
        case .entities: entities(document.entities, cursor: &cursor)
        case .quotes: quotes(document.quotes, cursor: &cursor)
        case .timexes: timexes(document.timexes, cursor: &cursor)
        default: encodable(document.layers[name]!, index: index)
        }
    }

    /// `"start":S,"end":E,"text":"…"` for a span, without braces.
    mutating func spanFields(_ span: Span, cursor: inout ScalarCursor) {
        raw("\"start\":"); int(span.start)
        raw(",\"end\":"); int(span.end)
        raw(",\"text\":")
        let range = cursor.text(span)
        cursor.index.text.utf8.withContiguousStorageIfAvailable { escaped(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    mutating func spans(_ items: [some Spanned], cursor: inout ScalarCursor) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            raw("{"); spanFields(item.span, cursor: &cursor); raw("}")
        }
        raw("]")
    }

    mutating func entities(_ items: [Entity], cursor: inout ScalarCursor) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            raw("{"); spanFields(item.span, cursor: &cursor)
            raw(",\"label\":"); string(item.label)
            if let canonical = item.canonical { raw(",\"canonical\":"); string(canonical) }
            raw("}")
        }
        raw("]")
    }

    mutating func quotes(_ items: [Quote], cursor: inout ScalarCursor) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            raw("{"); spanFields(item.span, cursor: &cursor)
            raw(",\"speaker\":")
            if let speaker = item.speaker {
                raw("{"); spanFields(speaker.span, cursor: &cursor)
                raw(",\"canonical\":")
                if let canonical = speaker.canonical { string(canonical) } else { raw("null") }
                raw("}")
            } else {
                raw("null")
            }
            raw(",\"cue\":")
            if let cue = item.cue { raw("{"); spanFields(cue, cursor: &cursor); raw("}") } else { raw("null") }
            if let kind = item.kind { raw(",\"kind\":"); string(kind) }
            raw("}")
        }
        raw("]")
    }

    mutating func timexes(_ items: [Timex], cursor: inout ScalarCursor) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            raw("{"); spanFields(item.span, cursor: &cursor)
            raw(",\"type\":"); string(item.type.rawValue)
            raw(",\"value\":"); string(item.value)
            if let mod = item.mod { raw(",\"mod\":"); string(mod) }
            raw("}")
        }
        raw("]")
    }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .int(let number): int(number)
        case .double(let number): text(number.isFinite ? "\(number)" : "null")
        case .string(let text): string(text)
        case .array(let items):
            raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { raw(",") }
                self.value(item)
            }
            raw("]")
        case .object(let object):
            raw("{")
            for (i, key) in object.keys.sorted().enumerated() {
                if i > 0 { raw(",") }
                string(key); raw(":"); self.value(object[key]!)
            }
            raw("}")
        }
    }

    /// A plugin's layer, in the contract's shape: an object with a `span` gets `start`, `end` and `text`
    /// in its place, and any other `{start, end}` object gets its `text`, so plugin authors can store
    /// spans as `Span` and still write what users of the output expect.
    mutating func encodable(_ value: any Encodable, index: ScalarIndex) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let tree = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            raw("null")
            return
        }
        self.value(Self.withSpanTexts(tree, index: index))
    }

    static func withSpanTexts(_ value: JSONValue, index: ScalarIndex) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { withSpanTexts($0, index: index) })
        case .object(var object):
            for (key, item) in object { object[key] = withSpanTexts(item, index: index) }
            if case .object(let span)? = object["span"], case .int(let start)? = span["start"], case .int(let end)? = span["end"] {
                object["span"] = nil
                object["start"] = .int(start)
                object["end"] = .int(end)
            }
            if object["text"] == nil, case .int(let start)? = object["start"], case .int(let end)? = object["end"],
               0 <= start, start <= end, end <= index.scalarCount {
                object["text"] = .string(String(index.substring(Span(start: start, end: end))))
            }
            return .object(object)
        default:
            return value
        }
    }
}

extension JSONValue {
    /// Compact JSON with sorted keys, for log and error lines.
    public var jsonBytes: [UInt8] {
        var buffer = JSONBuffer()
        buffer.value(self)
        return buffer.bytes
    }
}
