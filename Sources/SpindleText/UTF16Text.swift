import SpindleCore

/// A document's text in UTF-16, the encoding ICU works in, with the way back to Unicode-scalar offsets.
///
/// This is the one place where UTF-16 offsets become scalar offsets: each supplementary-plane scalar
/// (emoji, rare CJK) takes two UTF-16 units, so the scalar offset is the UTF-16 offset less the number
/// of low surrogates before it.
struct UTF16Text {
    let units: [UInt16]

    init(_ text: String) {
        units = Array(text.utf16)
    }

    /// Converts ascending UTF-16 offsets to scalar offsets in one pass.
    func scalarOffsets(ofAscending offsets: [Int32]) -> [Int] {
        var result = [Int](repeating: 0, count: offsets.count)
        units.withUnsafeBufferPointer { units in
            var position = 0
            var lowSurrogates = 0
            for (index, offset) in offsets.enumerated() {
                let target = Int(offset)
                while position < target {
                    if units[position] & 0xFC00 == 0xDC00 { lowSurrogates += 1 }
                    position += 1
                }
                result[index] = target - lowSurrogates
            }
        }
        return result
    }
}
