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

/// Checks the contract every annotator keeps: it adds every layer it provides and no layer it does not
/// declare; every span of every layer it adds — built-in or the plugin's own, nested spans too — lies
/// inside the text, and each layer's items are sorted (and disjoint where the layer says so); each
/// layer it adds reads back from its JSON as written; results are the same on a second run and when many
/// threads run it at once.
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
    if let described = annotator as? any DescribedAnnotator {
        try checkDescriptor(type(of: described).descriptor)
    }
    var reference: [String: String] = [:]
    for (number, text) in texts.enumerated() {
        var document = try prepare(text)
        let before = Set(document.layers.names)
        try annotator.annotate(&document)
        for layer in annotator.provides where !document.has(layer) {
            throw ConformanceViolation(message: "text \(number): declares `\(layer)` but did not add it")
        }
        let added = Set(document.layers.names).subtracting(before)
        for layer in added.sorted() where !annotator.provides.contains(layer) {
            throw ConformanceViolation(message: "text \(number): added `\(layer)`, which it does not declare in `provides`")
        }
        try checkSpans(document, text: number)
        try checkLayerRoundTrip(document, layers: annotator.provides, text: number)
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

/// Checks what a descriptor says of its options: every `help` entry documents an option that exists.
public func checkDescriptor(_ descriptor: AnnotatorDescriptor) throws {
    guard descriptor.helpWithoutOption.isEmpty else {
        throw ConformanceViolation(message: "`\(descriptor.name)`: help is written for \(descriptor.helpWithoutOption.map { "`\($0)`" }.joined(separator: ", ")), "
            + "which is not an option (options come from the defaults and `optionalKeys`)")
    }
}

/// Checks that every span of every layer lies inside the text, and that each layer's own spans are
/// sorted (and disjoint, for tokens and sentences): the check the pipeline makes after each step.
public func checkSpans(_ document: Document, text number: Int = 0) throws {
    for name in document.layers.names {
        do {
            try document.checkSpans(of: name)
        } catch {
            throw ConformanceViolation(message: "text \(number): \(error)")
        }
    }
}

/// Checks that each named layer, written as the output contract's JSON, reads back as the same JSON:
/// what a subprocess reply or an annotated file goes through.
public func checkLayerRoundTrip(_ document: Document, layers: Set<LayerName>, text number: Int = 0) throws {
    for name in layers.sorted() {
        guard case .typed(_, let kind)? = document.layers.entry(name) else { continue }
        var table = LayerTable.builtIn
        try table.register(kind)
        let written = layerJSON(document, name)
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: Data(written.utf8))
        } catch {
            throw ConformanceViolation(message: "text \(number): layer `\(name)` wrote invalid JSON: \(written.prefix(200))")
        }
        var copy = document
        do {
            try copy.setLayer(name, json: json, table: table)
        } catch {
            throw ConformanceViolation(message: "text \(number): layer `\(name)` does not read back from its JSON: \(error)")
        }
        guard layerJSON(copy, name) == written else {
            throw ConformanceViolation(message: "text \(number): layer `\(name)` reads back differently from what it wrote")
        }
    }
}

private func layerJSON(_ document: Document, _ name: LayerName) -> String {
    var output = JSONOutput(text: document.textView)
    document.layers.write(name, to: &output)
    return String(decoding: output.bytes, as: UTF8.self)
}

private func fingerprint(_ document: Document) -> String {
    document.layers.names.map { "\($0)=\(layerJSON(document, $0))" }.joined(separator: "\n")
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var first: String? { lock.withLock { messages.first } }
}
