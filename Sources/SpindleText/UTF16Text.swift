import SpindleCore

/// A document's text in UTF-16, the encoding ICU works in, with the way back to Unicode-scalar offsets.
///
/// This is the one place where UTF-16 offsets become scalar offsets: each supplementary-plane scalar
/// (emoji, rare CJK) takes two UTF-16 units, so the scalar offset is the UTF-16 offset less the number
/// of low surrogates before it.
struct UTF16Text {
    let units: [UInt16]
    /// Whether any scalar lies beyond the BMP; most text has none, and then the offsets agree.
    let hasSurrogates: Bool

    init(_ text: String) {
        if let (units, hasSurrogates) = text.utf8.withContiguousStorageIfAvailable(Self.transcode) {
            self.units = units
            self.hasSurrogates = hasSurrogates
        } else {
            units = Array(text.utf16)
            hasSurrogates = units.contains { $0 & 0xFC00 == 0xDC00 }
        }
    }

    /// UTF-8 to UTF-16 by hand: several times faster than `Array(text.utf16)`'s generic copy, and it notes
    /// surrogates on the way. A Swift string's UTF-8 is always valid, so no byte needs checking.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt16], Bool) {
        var hasSurrogates = false
        // Never more UTF-16 units than UTF-8 bytes.
        let units = [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            var i = 0
            var o = 0
            while i < bytes.count {
                // Eight ASCII bytes at a time: most text is mostly ASCII.
                if i + 8 <= bytes.count,
                   UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for k in 0..<8 { buffer[o + k] = UInt16(bytes[i + k]) }
                    i += 8
                    o += 8
                    continue
                }
                let lead = UInt32(bytes[i])
                if lead < 0x80 {
                    buffer[o] = UInt16(lead)
                    i += 1
                } else if lead < 0xE0 {
                    buffer[o] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
                    i += 2
                } else if lead < 0xF0 {
                    buffer[o] = UInt16((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
                    i += 3
                } else {
                    let scalar = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    buffer[o] = UInt16(0xD800 | (scalar - 0x10000) >> 10)
                    o += 1
                    buffer[o] = UInt16(0xDC00 | (scalar & 0x3FF))
                    i += 4
                    hasSurrogates = true
                }
                o += 1
            }
            count = o
        }
        return (units, hasSurrogates)
    }

    /// Converts ascending UTF-16 offsets to scalar offsets in one pass.
    func scalarOffsets(ofAscending offsets: [Int32]) -> [Int] {
        guard hasSurrogates else { return offsets.map { Int($0) } }
        return units.withUnsafeBufferPointer { units in
            var walk = SurrogateWalk(units: units)
            return offsets.map { walk.scalarOffset(of: Int($0)) }
        }
    }

    /// Converts ascending UTF-16 offsets, taken in pairs (start, end, start, end, ...), to scalar offsets
    /// and hands each pair to `make`, in one pass and without an array in between.
    func scalarPairs<T>(ofAscending offsets: [Int32], _ make: (Int, Int) -> T) -> [T] {
        var result: [T] = []
        result.reserveCapacity(offsets.count / 2)
        var index = 0
        if !hasSurrogates {
            while index + 1 < offsets.count {
                result.append(make(Int(offsets[index]), Int(offsets[index + 1])))
                index += 2
            }
            return result
        }
        units.withUnsafeBufferPointer { units in
            var walk = SurrogateWalk(units: units)
            while index + 1 < offsets.count {
                let start = walk.scalarOffset(of: Int(offsets[index]))
                result.append(make(start, walk.scalarOffset(of: Int(offsets[index + 1]))))
                index += 2
            }
        }
        return result
    }
}

/// A walk forward through UTF-16 units that counts the low surrogates passed: the scalar offset of a
/// UTF-16 offset is that offset less the count.
private struct SurrogateWalk {
    let units: UnsafeBufferPointer<UInt16>
    var position = 0
    var lowSurrogates = 0

    init(units: UnsafeBufferPointer<UInt16>) { self.units = units }

    /// The scalar offset of `offset`, which may not be less than the one before.
    mutating func scalarOffset(of offset: Int) -> Int {
        while position < offset {
            if units[position] & 0xFC00 == 0xDC00 { lowSurrogates += 1 }
            position += 1
        }
        return offset - lowSurrogates
    }
}
