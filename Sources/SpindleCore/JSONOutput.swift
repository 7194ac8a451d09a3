import Foundation

/// The bytes of output-contract JSON, written by hand: key order is fixed, every span gets its `text`,
/// and it is several times faster than `JSONEncoder` on token-heavy documents.
///
/// A layer writes itself with it (`Layer.write(_:to:)`); `spanFields` turns a span into
/// `"start":S,"end":E,"text":"…"` with the text cut from the document.
public struct JSONOutput {
    public private(set) var bytes: [UInt8] = []
    private var cursor: ScalarCursor?

    /// Output for values without spans (metadata, log lines).
    public init() { bytes.reserveCapacity(1 << 14) }

    /// Output whose spans are cut from `text`.
    public init(text: TextView) {
        self.init()
        cursor = ScalarCursor(index: text.scalarIndex)
    }

    public mutating func raw(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text known to need no escaping (layer names, numbers already formatted).
    public mutating func unescaped(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Digits written straight into the buffer: offsets are most of a token-heavy document's output.
    public mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            // Int.min has no positive counterpart: write its magnitude as unsigned.
            unsigned(value.magnitude)
            return
        }
        unsigned(UInt(value))
    }

    private mutating func unsigned(_ value: UInt) {
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

    /// A JSON string, escaped.
    public mutating func string(_ value: String) {
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

    /// `"start":S,"end":E,"text":"…"` for a span, without braces. Spans are checked against the text
    /// after every step, so they are inside it here.
    public mutating func spanFields(_ span: Span) {
        raw("\"start\":"); int(span.start)
        raw(",\"end\":"); int(span.end)
        raw(",\"text\":")
        guard var cursor else {
            raw("null")
            return
        }
        let range = cursor.text(span)
        self.cursor = cursor
        cursor.index.text.utf8.withContiguousStorageIfAvailable { escaped(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `[{…}, …]`: one object per item, `fields` writing what goes between its braces.
    public mutating func objects<Item>(_ items: [Item], _ fields: (inout JSONOutput, Item) -> Void) {
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            raw("{"); fields(&self, item); raw("}")
        }
        raw("]")
    }

    /// `[{span fields}, …]`: a layer of plain spans.
    public mutating func spanList(_ items: [some Spanned]) {
        objects(items) { output, item in output.spanFields(item.span) }
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .int(let number): int(number)
        case .double(let number): unescaped(number.isFinite ? "\(number)" : "null")
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

    /// Any `Encodable` in the contract's shape: keys sorted, an object's `span` flattened into `start`,
    /// `end` and `text`, and any other `{start, end}` object given its `text` — so a plugin can store
    /// spans as `Span` and still write what users of the output expect.
    public mutating func encodable(_ value: some Encodable) {
        guard let tree = JSONValue(encoding: value) else {
            raw("null")
            return
        }
        contractValue(tree)
    }

    /// A JSON value with span texts added, as `encodable` writes it.
    public mutating func contractValue(_ tree: JSONValue) {
        self.value(withSpanTexts(tree))
    }

    private func withSpanTexts(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map(withSpanTexts))
        case .object(var object):
            for (key, item) in object { object[key] = withSpanTexts(item) }
            if case .object(let span)? = object["span"], case .int(let start)? = span["start"], case .int(let end)? = span["end"] {
                object["span"] = nil
                object["start"] = .int(start)
                object["end"] = .int(end)
            }
            if object["text"] == nil, let index = cursor?.index, case .int(let start)? = object["start"],
               case .int(let end)? = object["end"], 0 <= start, start <= end, end <= index.scalarCount {
                object["text"] = .string(String(index.substring(Span(start: start, end: end))))
            }
            return .object(object)
        default:
            return value
        }
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

extension JSONValue {
    /// Any `Encodable` as a JSON value (through `JSONEncoder`), or nil when it does not encode.
    public init?(encoding value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let tree = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return nil
        }
        self = tree
    }

    /// Compact JSON with sorted keys, for log and error lines.
    public var jsonBytes: [UInt8] {
        var output = JSONOutput()
        output.value(self)
        return output.bytes
    }
}
