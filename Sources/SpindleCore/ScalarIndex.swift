/// Finds Unicode-scalar offsets in a string's UTF-8 without walking from the start each time.
///
/// Swift strings index by UTF-8 and grapheme; the output contract counts scalars. The index keeps the
/// UTF-8 offset of every 64th scalar, so a lookup walks at most 63 scalars: a few bytes per scalar of
/// memory instead of eight.
public struct ScalarIndex: Sendable {
    public let text: String
    private let checkpoints: [Int32]
    /// Number of Unicode scalars in the text.
    public let scalarCount: Int
    private static let stride = 64

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var checkpoints: [Int32] = []
        var count = 0
        text.utf8.withContiguousStorageIfAvailable { bytes in
            checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if count % Self.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: offset)) }
                count += 1
            }
        }
        if count % Self.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: text.utf8.count)) }
        self.checkpoints = checkpoints
        self.scalarCount = count
    }

    /// The UTF-8 offset where scalar `scalarOffset` starts (the text's UTF-8 length for the end).
    public func utf8Offset(ofScalar scalarOffset: Int) -> Int {
        precondition(scalarOffset >= 0 && scalarOffset <= scalarCount, "scalar offset \(scalarOffset) outside 0...\(scalarCount)")
        if scalarOffset == scalarCount { return text.utf8.count }
        var offset = Int(checkpoints[scalarOffset / Self.stride])
        var remaining = scalarOffset % Self.stride
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            while remaining > 0 {
                offset += 1
                while bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                remaining -= 1
            }
            return offset
        }!
    }

    /// The UTF-8 byte range of a span.
    public func utf8Range(_ span: Span) -> Range<Int> {
        let start = utf8Offset(ofScalar: span.start)
        guard span.end > span.start else { return start..<start }
        return start..<utf8Offset(ofScalar: span.end)
    }

    public func substring(_ span: Span) -> Substring {
        let range = utf8Range(span)
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }
}
