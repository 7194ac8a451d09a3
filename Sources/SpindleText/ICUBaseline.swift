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
/// It is the floor the tokenizer's speed is measured against. One iterator is opened and re-pointed at
/// each text, and one UTF-16 buffer reused, so the figure is ICU's own speed, not Spindle's allocations.
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
    var units: [UInt16] = []
    for text in texts {
        units.removeAll(keepingCapacity: true)
        units.append(contentsOf: text.utf16)
        counts.utf16Units += units.count
        try units.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            var written = spindle_break_run(iterator, buffer.baseAddress, Int32(buffer.count), boundaries, statuses,
                                            Int32(capacity), &error)
            if error > 0 { throw ICUError(code: error, operation: "iterate over \(buffer.count) UTF-16 units") }
            while true {
                counts.segments += Int(written)
                for index in 0..<Int(written) where statuses[index] >= noneLimit { counts.words += 1 }
                if Int(written) < capacity { return }
                written = spindle_break_continue(iterator, boundaries, statuses, Int32(capacity))
            }
        }
    }
    return counts
}
