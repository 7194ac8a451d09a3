import Foundation

/// A document's text as annotators read it, worked out once per document and shared by every step and
/// the writer: the scalar index, each token's UTF-8 bytes and text, and the tokens in lower case.
///
/// Get it from `Document.textView`; it is rebuilt only when the token layer changes. Parts that only some
/// annotators need (lower-case keys, decoded scalars) are made on first use and kept.
///
/// ```swift
/// let view = document.textView
/// for (number, key) in view.lowercasedTokens.enumerated() where key == "said" { … view.tokenTexts[number] … }
/// ```
public final class TextView: Sendable {
    public let scalarIndex: ScalarIndex
    /// The UTF-8 byte range of each token in `text.utf8`.
    public let tokenBytes: [Range<Int>]
    private let lazyParts = LazyParts()

    public var text: String { scalarIndex.text }
    public var scalarCount: Int { scalarIndex.scalarCount }

    init(text: String, tokens: [Token], index: ScalarIndex? = nil) {
        let scalarIndex = index ?? ScalarIndex(text)
        self.scalarIndex = scalarIndex
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(tokens.count)
        scalarIndex.text.utf8.withContiguousStorageIfAvailable { bytes in
            // Scalar offsets of sorted tokens only grow, so one forward walk converts them all.
            var scalar = 0
            var byte = 0
            func advance(to target: Int) {
                if target < scalar {
                    scalar = target
                    byte = scalarIndex.utf8Offset(ofScalar: target)
                    return
                }
                while scalar < target, byte < bytes.count {
                    byte += 1
                    while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                    scalar += 1
                }
            }
            for token in tokens {
                advance(to: token.span.start)
                let start = byte
                advance(to: token.span.end)
                ranges.append(start..<byte)
            }
        }
        tokenBytes = ranges
    }

    /// Calls `body` with the text's UTF-8 bytes (contiguous: the index made them so).
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try scalarIndex.text.utf8.withContiguousStorageIfAvailable(body)!
    }

    /// The text of each token, cut from the document's text.
    public var tokenTexts: [Substring] {
        lazyParts.get(\.tokenTexts) {
            let utf8 = text.utf8
            return tokenBytes.map { range in
                let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return text[lower..<utf8.index(lower, offsetBy: range.count)]
            }
        }
    }

    /// Each token in lower case (Unicode lower-casing; ASCII without allocation for short words).
    public var lowercasedTokens: [String] {
        lazyParts.get(\.lowercased) {
            withUTF8 { bytes in tokenBytes.map { Self.lowercased(UnsafeBufferPointer(rebasing: bytes[$0])) } }
        }
    }

    /// Every scalar of the text, and the UTF-8 offset where each starts (with the text's length at the
    /// end): for scanners that read the text scalar by scalar.
    public var scalars: (scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        lazyParts.get(\.scalars) { withUTF8(Self.decode) }
    }

    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            for index in 0..<bytes.count {
                let value = bytes[index]
                output[index] = value >= 0x41 && value <= 0x5A ? value | 0x20 : value
            }
            return bytes.count
        }
    }

    static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int32]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        scalars.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var index = 0
        // A Swift string's UTF-8 is valid: each lead byte gives the sequence's length.
        while index < utf8.count {
            let lead = UInt32(utf8[index])
            var value: UInt32
            var length: Int
            switch lead {
            case ..<0x80: (value, length) = (lead, 1)
            case ..<0xE0: (value, length) = (lead & 0x1F, 2)
            case ..<0xF0: (value, length) = (lead & 0x0F, 3)
            default: (value, length) = (lead & 0x07, 4)
            }
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            offsets.append(Int32(truncatingIfNeeded: index))
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += length
        }
        offsets.append(Int32(truncatingIfNeeded: utf8.count))
        return (scalars, offsets)
    }
}

/// The parts of a text view made on first use. A document is annotated by one thread at a time, but
/// copies of it may be read from several, so the parts are guarded.
private final class LazyParts: @unchecked Sendable {
    struct Parts {
        var tokenTexts: [Substring]?
        var lowercased: [String]?
        var scalars: ([Unicode.Scalar], [Int32])?
    }
    private let lock = NSLock()
    private var parts = Parts()

    func get<T>(_ key: WritableKeyPath<Parts, T?>, make: () -> T) -> T {
        if let value = lock.withLock({ parts[keyPath: key] }) { return value }
        let value = make()
        lock.withLock { parts[keyPath: key] = value }
        return value
    }
}

/// The document's view, made when first asked for after the tokens last changed. The scalar index
/// depends only on the text, so a view made after new tokens reuses the previous one's.
final class TextViewCache: @unchecked Sendable {
    private let lock = NSLock()
    private var view: TextView?
    private let index: ScalarIndex?

    init(after previous: TextViewCache? = nil) {
        index = previous?.scalarIndex
    }

    private var scalarIndex: ScalarIndex? { lock.withLock { view?.scalarIndex ?? index } }

    func view(text: String, tokens: () -> [Token]) -> TextView {
        lock.withLock {
            if let view { return view }
            let made = TextView(text: text, tokens: tokens(), index: index)
            view = made
            return made
        }
    }
}
