import Foundation
import SpindleCore
import Testing
@testable import SpindleEval

/// Puts a quote on every `“…”` pair and names the speaker after it with a fixed name, so the scoring
/// can be checked without the real annotator.
private struct MarkQuotes: Annotator {
    var requires: Set<LayerName> { [] }
    var provides: Set<LayerName> { [.quotes] }
    func annotate(_ document: inout Document) throws {
        let scalars = Array(document.text.unicodeScalars)
        var quotes: [Quote] = []
        var open: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == "“" { open = index }
            if scalar == "”", let start = open {
                quotes.append(Quote(Span(start: start, end: index + 1), speaker: Quote.Speaker(Span(start: 0, end: 3), canonical: "Ada Vance"), kind: .quote))
                open = nil
            }
        }
        document[Quotes.self] = quotes
    }
}

@Suite struct QuoteEvaluationTests {
    private func evaluate(_ lines: [String]) throws -> QuoteScores {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let pipeline = try Pipeline(MarkQuotes())
        return try QuoteEvaluation(pipeline: pipeline).evaluate(try GoldQuoteDocument.read(path: url.path))
    }

    @Test func scoresExactSpansAndSpeakers() throws {
        let scores = try evaluate([
            #"{"id": "a", "text": "Ada said “yes” and “no”.", "quotes": [{"quote": "“yes”", "speaker": "Ada Vance"}, {"quote": "“no”", "speaker": "the Board"}]}"#,
            #"{"id": "b", "text": "Ada: “maybe”.", "quotes": []}"#,
        ])
        #expect(scores.detection == Scores(truePositives: 2, predicted: 3, gold: 2))
        #expect(scores.speakersRight == 1)
        #expect(scores.mistakes.count == 2)
    }

    @Test func aSpeakerMatchesByCanonicalNameOrWordsIgnoringTheAndCase() {
        #expect(QuoteEvaluation.sameSpeaker(gold: "Ada Vance", name: "ada vance", words: "Vance"))
        #expect(QuoteEvaluation.sameSpeaker(gold: "he", name: "Ada Vance", words: "he"))
        #expect(QuoteEvaluation.sameSpeaker(gold: "the Kremlin", name: "Kremlin", words: "Kremlin"))
        #expect(QuoteEvaluation.sameSpeaker(gold: nil, name: nil, words: "officials"))
        #expect(!QuoteEvaluation.sameSpeaker(gold: nil, name: "Ada Vance", words: "Ada"))
        #expect(!QuoteEvaluation.sameSpeaker(gold: "Ada Vance", name: "Vance", words: "Vance"))
    }

    @Test func speakerWordCasesCompareTheWordsInOrder() throws {
        let scores = try evaluate([#"{"id": "c", "text": "Ada said “one” and “two”.", "quotes": null, "expected_speaker_tokens": ["Ada", "Ada"]}"#])
        #expect(scores.speakerWordDocuments == 1)
        #expect(scores.speakerWordDocumentsRight == 1)
    }

    @Test func aMalformedLineIsReportedWithItsNumber() throws {
        do {
            _ = try evaluate([#"{"id": "a", "text": "x", "quotes": []}"#, "{not json"])
            Issue.record("a malformed line was accepted")
        } catch {
            #expect("\(error)".contains(":2:"))
        }
    }
}
