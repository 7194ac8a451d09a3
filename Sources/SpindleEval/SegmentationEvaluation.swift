import Foundation
import SpindleCore

/// One gold case of sentence segmentation: a text and the exact sentences expected (the Golden Rules
/// and the pragmatic_segmenter / pySBD suites).
public struct SentenceListCase: Decodable, Sendable {
    public var id: String
    public var rule: String?
    public var name: String?
    public var text: String
    public var expected: [String]
}

/// One gold document with sentence and token offsets (`*.sbd.jsonl`).
public struct SegmentedDocument: Decodable, Sendable {
    public var id: String
    public var text: String
    public var sentences: [[Int]]
    public var tokens: [[Int]]?
}

public struct SentenceListResult: Sendable {
    public var passed: [String] = []
    public var failed: [(id: String, rule: String, expected: [String], got: [String])] = []
    public var total: Int { passed.count + failed.count }
}

public struct SegmentationResult: Sendable {
    /// Sentence boundaries: the scalar offsets where sentences end.
    public var boundaries = Scores()
    /// Whole sentences: both offsets exact.
    public var sentences = Scores()
    public var tokens = Scores()
    public var documents = 0
}

/// Runs a pipeline over gold segmentation data.
public struct SegmentationEvaluation: Sendable {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) { self.pipeline = pipeline }

    /// Whether each text splits into exactly the expected sentences (white space around each trimmed).
    public func evaluate(cases: [SentenceListCase]) throws -> SentenceListResult {
        var result = SentenceListResult()
        for item in cases {
            let document = try pipeline.annotate(item.text, id: item.id)
            let index = ScalarIndex(document.text)
            let got = document.sentences.map { String(index.substring($0.span)) }
            let expected = item.expected.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if got == expected {
                result.passed.append(item.id)
            } else {
                result.failed.append((item.id, item.rule ?? item.name ?? "", expected, got))
            }
        }
        return result
    }

    /// Boundary, sentence and token precision/recall/F1 against documents with gold offsets. Gold
    /// sentence spans are trimmed of white space first, as Spindle's are.
    public func evaluate(documents: [SegmentedDocument]) throws -> SegmentationResult {
        var result = SegmentationResult()
        for gold in documents {
            let document = try pipeline.annotate(gold.text, id: gold.id)
            let scalars = Array(gold.text.unicodeScalars)
            let goldSentences = gold.sentences.compactMap { trimmed($0[0], $0[1], in: scalars) }
            let predicted = document.sentences.map(\.span)
            result.boundaries.add(predicted: predicted.map(\.end), gold: goldSentences.map(\.end))
            result.sentences.add(predicted: predicted, gold: goldSentences)
            if let goldTokens = gold.tokens {
                result.tokens.add(predicted: document.tokens.map(\.span),
                                  gold: goldTokens.map { Span(start: $0[0], end: $0[1]) })
            }
            result.documents += 1
        }
        return result
    }

    private func trimmed(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> Span? {
        var start = start, end = end
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start < end ? Span(start: start, end: end) : nil
    }
}

/// Reads JSON Lines of a `Decodable` type, naming the file and line of a bad one.
public func readJSONLines<T: Decodable>(_ type: T.Type, path: String) throws -> [T] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw EvaluationError.unreadable(path)
    }
    let decoder = JSONDecoder()
    var items: [T] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
    where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
        do {
            items.append(try decoder.decode(T.self, from: Data(line)))
        } catch {
            throw EvaluationError.badLine(path, number + 1, "\(error)")
        }
    }
    return items
}

public enum EvaluationError: Error, CustomStringConvertible {
    case unreadable(String)
    case badLine(String, Int, String)
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read gold file \(path)"
        case .badLine(let path, let line, let reason): "\(path):\(line): not a gold record of the expected shape: \(reason)"
        case .unknownFormat(let path): "\(path): expected JSON lines with `expected` (sentence lists) or `sentences` (offsets)"
        }
    }
}
