import SpindleCore

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
/// tokenizer must: convert to UTF-16 and walk the boundaries with their rule statuses.
///
/// No ICU-based tokenizer can beat its time, which makes it the yardstick for the tokenizer's. It uses the
/// tokenizer's own iterator wrapper and UTF-16 conversion, so the comparison isolates what the tokenizer
/// adds on top of ICU.
public func icuWordBreakCounts(_ texts: [String], locale: String = "en") throws(ICUError) -> ICUBreakCounts {
    try icuBreakCounts(texts, prototype: ICUBreakPrototype(.word, locale: locale), countsWords: true)
}

/// The same as `icuWordBreakCounts` with ICU's sentence-break iterator: the other half of what
/// `tokenize` + `sentences` asks of ICU (in the splitter's default locale).
public func icuSentenceBreakCounts(_ texts: [String], locale: String = SentenceSplitterOptions().locale) throws(ICUError)
    -> ICUBreakCounts
{
    try icuBreakCounts(texts, prototype: ICUBreakPrototype(.sentence, locale: locale), countsWords: false)
}

private func icuBreakCounts(_ texts: [String], prototype: ICUBreakPrototype, countsWords: Bool) throws(ICUError)
    -> ICUBreakCounts
{
    // At and above 100 (UBRK_WORD_NONE_LIMIT) ICU's word statuses mean a word; below, spaces and punctuation.
    let noneLimit: Int32 = countsWords ? 100 : Int32.min
    var counts = ICUBreakCounts()
    var boundaries: [Int32] = []
    var statuses: [Int32] = []
    for text in texts {
        let utf16 = UTF16Text(text)
        boundaries.removeAll(keepingCapacity: true)
        statuses.removeAll(keepingCapacity: true)
        try utf16.units.withUnsafeBufferPointer { (buffer) throws(ICUError) in
            try prototype.boundaries(of: buffer, into: &boundaries, statuses: &statuses, wantStatuses: true)
        }
        counts.utf16Units += utf16.units.count
        counts.segments += boundaries.count
        for status in statuses where status >= noneLimit { counts.words += 1 }
    }
    return counts
}
