import Foundation
import SpindleCore

/// A broken promise of the `Annotator` contract, with the document and span that show it.
public struct ConformanceViolation: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// The texts every annotator is run on: empty, white space only, multilingual with curly quotes,
/// dashes, emoji and CJK, CRLF line ends, and a plain news-like paragraph.
public let conformanceTexts: [String] = [
    "",
    "   \n\t  ",
    "“We won’t go,” she said — firmly. Ça va? 東京は晴れ。 😀👍🏽 done.",
    "Line one.\r\nLine two, after CRLF.\r\n\r\nA new paragraph!",
    "The minister, Anna Berg, said on Tuesday that the U.S. talks would resume in May. \"It's time,\" she added.",
]

/// Checks the contract every annotator keeps: it adds every layer it provides; every span of the
/// built-in layers lies inside the text, is sorted and, for tokens and sentences, does not overlap;
/// results are the same on a second run and when many threads run it at once.
///
/// `prepare` builds the input document (run the annotators this one requires there). Every plugin's
/// tests call it with one line:
///
/// ```swift
/// @Test func conforms() throws {
///     try checkAnnotatorConformance(MyAnnotator()) { text in try tokenizeAndSplit(text) }
/// }
/// ```
public func checkAnnotatorConformance(
    _ annotator: any Annotator,
    texts: [String] = conformanceTexts,
    prepare: @Sendable (String) throws -> Document = { Document(text: $0) }
) throws {
    var reference: [String: String] = [:]
    for (number, text) in texts.enumerated() {
        var document = try prepare(text)
        try annotator.annotate(&document)
        for layer in annotator.provides where !document.has(layer) {
            throw ConformanceViolation(message: "text \(number): declares `\(layer)` but did not add it")
        }
        try checkSpans(document, text: number)
        reference[text] = fingerprint(document)
        var again = try prepare(text)
        try annotator.annotate(&again)
        guard fingerprint(again) == reference[text] else {
            throw ConformanceViolation(message: "text \(number): a second run gave different annotations")
        }
    }
    // Many threads at once, each on every text.
    let failures = FailureBox()
    let expected = reference
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
        for text in texts {
            do {
                var document = try prepare(text)
                try annotator.annotate(&document)
                if fingerprint(document) != expected[text] { failures.add("concurrent run differed on \(text.debugDescription)") }
            } catch {
                failures.add("concurrent run threw \(error)")
            }
        }
    }
    if let first = failures.first { throw ConformanceViolation(message: first) }
}

/// Checks that every span of the built-in layers lies inside the text and is sorted, and that
/// tokens and sentences do not overlap.
public func checkSpans(_ document: Document, text number: Int = 0) throws {
    let length = document.text.unicodeScalars.count
    func check(_ name: String, _ spans: [Span], disjoint: Bool) throws {
        var previous: Span?
        for span in spans {
            guard span.start >= 0, span.end <= length, span.start <= span.end else {
                throw ConformanceViolation(message: "text \(number): \(name) span \(span) is outside the text of \(length) scalars")
            }
            if let previous {
                guard previous.start <= span.start else {
                    throw ConformanceViolation(message: "text \(number): \(name) spans are not sorted: \(previous) before \(span)")
                }
                if disjoint, previous.end > span.start {
                    throw ConformanceViolation(message: "text \(number): \(name) spans overlap: \(previous) and \(span)")
                }
            }
            previous = span
        }
    }
    try check("token", document.tokens.map(\.span), disjoint: true)
    try check("sentence", document.sentences.map(\.span), disjoint: true)
    try check("entity", document.entities.map(\.span), disjoint: false)
    try check("quote", document.quotes.map(\.span), disjoint: false)
    try check("timex", document.timexes.map(\.span), disjoint: false)
}

private func fingerprint(_ document: Document) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return document.layers.names.map { name in
        let data = document.layers[name].flatMap { try? encoder.encode($0) } ?? Data()
        return "\(name)=\(String(decoding: data, as: UTF8.self))"
    }.joined(separator: "\n")
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var first: String? { lock.withLock { messages.first } }
}
