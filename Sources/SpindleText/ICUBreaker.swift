import ICUShim
import SpindleCore

/// An error from ICU, with the ICU error code and what was being attempted.
public struct ICUError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int32
    public var operation: String
    public var description: String {
        "ICU \(spindleICUVersion) failed to \(operation) (UErrorCode \(code)); is libicu installed (apt-get install libicu-dev)?"
    }
}

/// The version of the ICU library Spindle runs on, e.g. "72.1".
public var spindleICUVersion: String { String(cString: spindle_icu_version()) }

/// An ICU break iterator opened once (loading its rules is the slow part) and cloned per use.
///
/// ICU iterators keep position state, so one may not be shared across threads; a clone of an
/// untouched prototype may. Annotators hold the prototype and clone it per document, which is what
/// makes them `Sendable`.
final class ICUBreakPrototype: @unchecked Sendable {
    enum Kind { case word, sentence }

    // Never iterated after init: only cloned, which ICU allows from many threads at once.
    private let prototype: UnsafeMutableRawPointer

    init(_ kind: Kind, locale: String) throws(ICUError) {
        var error: Int32 = 0
        let pointer = spindle_break_open(kind == .word ? SPINDLE_BREAK_WORD : SPINDLE_BREAK_SENTENCE, locale, &error)
        guard let pointer, error <= 0 else { throw ICUError(code: error, operation: "open a \(kind) break iterator for `\(locale)`") }
        self.prototype = pointer
    }

    deinit { spindle_break_close(prototype) }

    /// Runs a fresh clone over `text` and appends each boundary after 0 (UTF-16 offsets) and, when
    /// `statuses` is given, its rule status (ICU's word kind: none, number, letter, kana, ideograph).
    func boundaries(of text: UnsafeBufferPointer<UInt16>, into boundaries: inout [Int32],
                    statuses: inout [Int32], wantStatuses: Bool) throws(ICUError) {
        var error: Int32 = 0
        guard let iterator = spindle_break_clone(prototype, &error), error <= 0 else {
            throw ICUError(code: error, operation: "clone a break iterator")
        }
        defer { spindle_break_close(iterator) }
        let chunk = 4096
        let boundaryBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: chunk)
        let statusBuffer = wantStatuses ? UnsafeMutablePointer<Int32>.allocate(capacity: chunk) : nil
        defer {
            boundaryBuffer.deallocate()
            statusBuffer?.deallocate()
        }
        var written = spindle_break_run(iterator, text.baseAddress, Int32(text.count), boundaryBuffer, statusBuffer,
                                        Int32(chunk), &error)
        if error > 0 { throw ICUError(code: error, operation: "iterate over \(text.count) UTF-16 units") }
        while true {
            boundaries.append(contentsOf: UnsafeBufferPointer(start: boundaryBuffer, count: Int(written)))
            if let statusBuffer {
                statuses.append(contentsOf: UnsafeBufferPointer(start: statusBuffer, count: Int(written)))
            }
            if Int(written) < chunk { return }
            written = spindle_break_continue(iterator, boundaryBuffer, statusBuffer, Int32(chunk))
        }
    }
}
