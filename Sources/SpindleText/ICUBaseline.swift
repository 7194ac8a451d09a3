import ICUShim

/// What one pass of a bare ICU break iterator over some texts found, for `spindle bench`.
public struct ICUBreakCounts: Hashable, Sendable {
    /// Segments whose rule status is outside ICU's "none" range (`UBRK_WORD_NONE` ..< `UBRK_WORD_NONE_LIMIT`):
    /// numbers, letters, kana and ideographs, so neither white space nor punctuation. For a sentence
    /// iterator every segment is counted here, since sentence statuses do not mark words.
    public var words = 0
    /// Every segment between two boundaries, white space and punctuation included.
    public var segments = 0
    /// UTF-16 code units iterated over.
    public var utf16Units = 0

    public init() {}
}

/// Runs ICU's word-break iterator over `texts` and counts what it finds, doing no more than any ICU-based
/// tokenizer must: convert to UTF-16 and walk the boundaries with `ubrk_next` and `ubrk_getRuleStatus`.
///
/// No ICU-based tokenizer can beat its time, which makes it the yardstick for the tokenizer's. One iterator
/// is opened and re-pointed at each text, and one UTF-16 buffer reused, so the figure is ICU's own speed.
public func icuWordBreakCounts(_ texts: [String], locale: String = "en") throws(ICUError) -> ICUBreakCounts {
    try icuBreakCounts(texts, kind: SPINDLE_BREAK_WORD, locale: locale)
}

/// The same as `icuWordBreakCounts` with ICU's sentence-break iterator: the other half of what
/// `tokenize` + `sentences` asks of ICU.
public func icuSentenceBreakCounts(_ texts: [String], locale: String = "en@ss=standard") throws(ICUError)
    -> ICUBreakCounts
{
    try icuBreakCounts(texts, kind: SPINDLE_BREAK_SENTENCE, locale: locale)
}

private func icuBreakCounts(_ texts: [String], kind: spindle_break_kind, locale: String) throws(ICUError)
    -> ICUBreakCounts
{
    var error: Int32 = 0
    guard let iterator = spindle_break_open(kind, locale, &error), error <= 0 else {
        throw ICUError(code: error, operation: "open a break iterator for `\(locale)`")
    }
    defer { spindle_break_close(iterator) }

    // Below 100 (UBRK_WORD_NONE_LIMIT) ICU's word statuses mean "not a word": spaces, punctuation.
    let noneLimit: Int32 = kind == SPINDLE_BREAK_WORD ? 100 : Int32.min
    let capacity = 4096
    let boundaries = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let statuses = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    defer {
        boundaries.deallocate()
        statuses.deallocate()
    }

    var counts = ICUBreakCounts()
    var units = UTF16Buffer()
    defer { units.deallocate() }
    for text in texts {
        let length = units.transcode(text)
        counts.utf16Units += length
        var written = spindle_break_run(iterator, units.pointer, Int32(length), boundaries, statuses,
                                        Int32(capacity), &error)
        if error > 0 { throw ICUError(code: error, operation: "iterate over \(length) UTF-16 units") }
        while true {
            counts.segments += Int(written)
            for index in 0..<Int(written) where statuses[index] >= noneLimit { counts.words += 1 }
            if Int(written) < capacity { break }
            written = spindle_break_continue(iterator, boundaries, statuses, Int32(capacity))
        }
    }
    return counts
}

/// One UTF-16 buffer for every text, grown as needed, so the baseline spends nothing on allocation.
private struct UTF16Buffer {
    private(set) var pointer = UnsafeMutablePointer<UInt16>.allocate(capacity: 1 << 16)
    private var capacity = 1 << 16

    func deallocate() { pointer.deallocate() }

    /// Writes `text` in UTF-16 and returns the number of units. The UTF-8 is transcoded by hand:
    /// `Array(text.utf16)` goes through the standard library's generic element-by-element copy, several
    /// times slower, and a slow conversion would make ICU look slower than it is.
    mutating func transcode(_ text: String) -> Int {
        // Never more UTF-16 units than UTF-8 bytes.
        let needed = text.utf8.count
        if needed > capacity {
            pointer.deallocate()
            capacity = max(needed, capacity * 2)
            pointer = .allocate(capacity: capacity)
        }
        let output = pointer
        let written = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var index = 0
            var count = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    output[count] = UInt16(lead)
                    index += 1
                } else if lead < 0xE0 {
                    output[count] = UInt16((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                    index += 2
                } else if lead < 0xF0 {
                    output[count] = UInt16((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F))
                    index += 3
                } else {
                    let scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    output[count] = UInt16(0xD800 | (scalar - 0x10000) >> 10)
                    count += 1
                    output[count] = UInt16(0xDC00 | (scalar & 0x3FF))
                    index += 4
                }
                count += 1
            }
            return count
        }
        if let written { return written }
        // Bridged or otherwise non-contiguous strings take the general path.
        var count = 0
        for unit in text.utf16 {
            output[count] = unit
            count += 1
        }
        return count
    }
}
