import Foundation
import SpindleCore

/// One gold document for quote attribution: `{id, text, date?, quotes: [{quote, speaker, cue?}]}`, where
/// `quote` is the exact text of the quote with its marks and `speaker` the name the reader should get
/// (or null when nobody is named). Some test suites assert only the speakers' words, in order over the
/// document's quotes: `{id, text, expected_speaker_tokens: [...]}`.
public struct GoldQuoteDocument: Sendable, Decodable {
    public struct Quote: Sendable, Decodable, Hashable {
        public var quote: String
        public var speaker: String?
        public var cue: String?
    }

    public var id: String
    public var text: String
    public var date: String?
    public var quotes: [Quote]?
    public var speakerTokens: [String]?

    enum CodingKeys: String, CodingKey {
        case id, text, date, quotes
        case speakerTokens = "expected_speaker_tokens"
    }

    /// Reads a JSONL gold file; a line of the wrong shape is an error with its line number.
    public static func read(path: String) throws -> [GoldQuoteDocument] {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            throw EvaluationError.unreadable(path)
        }
        var documents: [GoldQuoteDocument] = []
        for (number, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                documents.append(try JSONDecoder().decode(GoldQuoteDocument.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError.badLine(path, number + 1, "\(error)")
            }
        }
        return documents
    }
}

/// Quote detection P/R/F1 (a predicted quote counts when its span is exactly the gold quote's) and
/// speaker accuracy over the quotes found.
public struct QuoteScores: Sendable, CustomStringConvertible {
    public var detection = Scores()
    /// Gold quotes that were found and given the right speaker.
    public var speakersRight = 0
    /// Documents that assert only the speakers' words, and how many of them came out exactly so.
    public var speakerWordDocuments = 0
    public var speakerWordDocumentsRight = 0
    /// One line per quote missed, spurious, or given the wrong speaker.
    public var mistakes: [String] = []

    public init() {}

    /// Right speakers over the gold quotes found.
    public var speakerAccuracy: Double { detection.truePositives == 0 ? 0 : Double(speakersRight) / Double(detection.truePositives) }
    /// Right quote and right speaker over all gold quotes: what a user gets end to end.
    public var endToEnd: Double { detection.gold == 0 ? 0 : Double(speakersRight) / Double(detection.gold) }

    public var description: String {
        let accuracy = (speakerAccuracy * 1000).rounded() / 10, whole = (endToEnd * 1000).rounded() / 10
        return "quotes \(detection)\nspeaker accuracy \(accuracy)% (\(speakersRight) of \(detection.truePositives) found); "
            + "quote and speaker right: \(whole)% of \(detection.gold) gold quotes"
            + (speakerWordDocuments == 0 ? "" : "\nspeaker words exactly right in \(speakerWordDocumentsRight) of \(speakerWordDocuments) documents that assert only those")
    }
}

/// Runs a pipeline with a `quotes` step over gold documents and scores it.
///
/// A speaker is right when the gold name equals the predicted speaker's canonical name or its words
/// (so a gold "he" matches a speaker written "he" whatever it resolves to), ignoring case, a leading
/// "the" and a possessive ending. A gold null is matched by no speaker or by one with no name.
public struct QuoteEvaluation {
    public let pipeline: Pipeline

    public init(pipeline: Pipeline) { self.pipeline = pipeline }

    public func evaluate(_ documents: [GoldQuoteDocument]) throws -> QuoteScores {
        var scores = QuoteScores()
        for gold in documents {
            var document = Document(text: gold.text, metadata: Metadata(id: gold.id, date: gold.date))
            try pipeline.annotate(&document)
            let predicted = document.quotes.filter { $0.kind != .term }
            let scalars = Array(gold.text.unicodeScalars)
            func text(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
            if let expected = gold.speakerTokens, gold.quotes == nil {
                let words = predicted.compactMap(\.speaker).flatMap { text($0.span).split(whereSeparator: \.isWhitespace).map(String.init) }
                scores.speakerWordDocuments += 1
                if words == expected {
                    scores.speakerWordDocumentsRight += 1
                } else {
                    scores.mistakes.append("\(gold.id): speaker words \(words), gold \(expected)")
                }
                continue
            }
            var matched = Set<Int>()
            for quote in gold.quotes ?? [] {
                scores.detection.gold += 1
                guard let span = Self.span(of: quote.quote, in: scalars),
                      let index = predicted.firstIndex(where: { $0.span == span }) else {
                    scores.mistakes.append("\(gold.id): missed \(quote.quote)")
                    continue
                }
                matched.insert(index)
                scores.detection.truePositives += 1
                let speaker = predicted[index].speaker
                if Self.sameSpeaker(gold: quote.speaker, name: speaker?.canonical, words: speaker.map { text($0.span) }) {
                    scores.speakersRight += 1
                } else {
                    let got = speaker.map { "\(text($0.span)) → \($0.canonical ?? "no name")" } ?? "none"
                    scores.mistakes.append("\(gold.id): speaker of \(quote.quote.prefix(50)): gold \(quote.speaker ?? "none"), got \(got)")
                }
            }
            scores.detection.predicted += predicted.count
            for (index, quote) in predicted.enumerated() where !matched.contains(index) {
                scores.mistakes.append("\(gold.id): spurious \(text(quote.span).prefix(80))")
            }
        }
        return scores
    }

    static func span(of quote: String, in scalars: [Unicode.Scalar]) -> Span? {
        let target = Array(quote.unicodeScalars)
        guard !target.isEmpty, target.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - target.count) where scalars[start] == target[0] {
            if scalars[start..<(start + target.count)].elementsEqual(target) { return Span(start: start, end: start + target.count) }
        }
        return nil
    }

    static func sameSpeaker(gold: String?, name: String?, words: String?) -> Bool {
        guard let gold = gold.map(normalized), !gold.isEmpty else { return name == nil }
        return [name, words].compactMap { $0 }.map(normalized).contains(gold)
    }

    private static func normalized(_ name: String) -> String {
        var name = name.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix("the ") { name.removeFirst(4) }
        for ending in ["'s", "’s"] where name.hasSuffix(ending) { name.removeLast(2) }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
