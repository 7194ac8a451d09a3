import Foundation
import SpindleCore
import Testing
@testable import SpindleEval

/// Tags "Vance" PER only in a document that also has "Ada" in it, the way a real annotator carries a
/// name across an article, and tags "Ada Vance" across a sentence break when one occurs there.
private struct NameFromContext: Annotator {
    var requires: Set<LayerName> { [.tokens, .sentences] }
    var provides: Set<LayerName> { [.entities] }
    func annotate(_ document: inout Document) throws {
        let scalars = Array(document.text.unicodeScalars)
        let words = document.tokens.map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
        guard words.contains("Ada") else { return }
        var entities: [Entity] = []
        for (index, word) in words.enumerated() where word == "Vance" {
            let start = index > 0 && words[index - 1] == "Ada" ? document.tokens[index - 1].span.start : document.tokens[index].span.start
            entities.append(Entity(Span(start: start, end: document.tokens[index].span.end), label: "PER"))
        }
        document[Entities.self] = entities
    }
}

@Suite struct EntityEvaluationTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).iob2")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func readsDocumentsOfUniversalNERAndCoNLLFiles() throws {
        let uner = try write("""
        # newdoc id = one
        # sent_id = one-1
        1\tAda\tB-PER\t-\t-
        2\tVance\tI-PER\t-\t-

        # sent_id = one-2
        1\tVance\tB-PER\t-\t-
        2\tspoke\tO\t-\t-

        # newdoc id = two
        # sent_id = two-1
        1\tOslo\tB-LOC\t-\t-

        """)
        defer { try? FileManager.default.removeItem(at: uner) }
        let sentences = try TaggedTokenFile.read(path: uner.path)
        #expect(sentences.map(\.document) == [0, 0, 1])
        #expect(sentences[0].entities == [.init(start: 0, end: 2, label: "PER")])

        let conll = try write("-DOCSTART- O\n\nOslo I-LOC\n\n-DOCSTART- O\n\nAda I-PER\n\nVance I-PER\n")
        defer { try? FileManager.default.removeItem(at: conll) }
        #expect(try TaggedTokenFile.read(path: conll.path).map(\.document) == [0, 1, 1])
    }

    /// CoNLL-2003 (`word POS chunk NER`): a word that is a number is not a Universal NER index, so its
    /// POS tag is not read as the word nor its chunk tag as an entity (issue 16).
    @Test func numbersInCoNLL2003FilesAreWordsNotIndices() throws {
        let conll = try write("""
        -DOCSTART- -X- -X- O

        Bonn NNP I-NP I-LOC
        1996-08-22 CD I-NP O

        In IN I-PP O
        1996 CD I-NP O
        , , O O
        3 CD I-NP O
        German JJ I-NP I-MISC
        firms NNS I-NP O
        left VBD I-VP O
        Bonn NNP I-NP I-LOC
        . . O O

        1 CD I-NP O
        2 CD I-NP O

        """)
        defer { try? FileManager.default.removeItem(at: conll) }
        let sentences = try TaggedTokenFile.read(path: conll.path)
        #expect(sentences.map(\.tokens) == [
            ["Bonn", "1996-08-22"],
            ["In", "1996", ",", "3", "German", "firms", "left", "Bonn", "."],
            ["1", "2"],
        ])
        #expect(sentences.map(\.entities) == [
            [.init(start: 0, end: 1, label: "LOC")],
            [.init(start: 4, end: 5, label: "MISC"), .init(start: 7, end: 8, label: "LOC")],
            [],
        ])
    }

    /// Universal NER files still read by their index column, whatever their words look like.
    @Test func universalNERFilesReadByTheirIndexColumn() throws {
        let uner = try write("""
        # sent_id = a-1
        # text = 1996 : Ada Vance
        1\t1996\tO\t-\t-
        2\t:\tO\t-\t-
        3\tAda\tB-PER\t-\t-
        4\tVance\tI-PER\t-\t-

        # sent_id = a-2
        1\tOslo\tB-LOC\t-\t-

        """)
        defer { try? FileManager.default.removeItem(at: uner) }
        let sentences = try TaggedTokenFile.read(path: uner.path)
        #expect(sentences.map(\.tokens) == [["1996", ":", "Ada", "Vance"], ["Oslo"]])
        #expect(sentences.map(\.entities) == [[.init(start: 2, end: 4, label: "PER")], [.init(start: 0, end: 1, label: "LOC")]])
        // The GMB's `word<TAB>POS<TAB>tag` with a number for a word: tag last, not an index.
        let gmb = try write("Thousands\tNNS\tO\n2\tCD\tO\nLondon\tNNP\tB-geo\n")
        defer { try? FileManager.default.removeItem(at: gmb) }
        let gmbSentences = try TaggedTokenFile.read(path: gmb.path)
        #expect(gmbSentences.map(\.tokens) == [["Thousands", "2", "London"]])
        #expect(gmbSentences.map(\.entities) == [[.init(start: 2, end: 3, label: "LOC")]])
    }

    @Test func documentsAreAnnotatedWholeWhenAsked() throws {
        let sentences = [
            GoldEntitySentence(tokens: ["Ada", "Vance", "won", "."], entities: [.init(start: 0, end: 2, label: "PER")], document: 0),
            GoldEntitySentence(tokens: ["Vance", "left", "."], entities: [.init(start: 0, end: 1, label: "PER")], document: 0),
            GoldEntitySentence(tokens: ["Vance", "stayed", "."], entities: [], document: 1),
        ]
        let evaluation = EntityEvaluation(annotator: NameFromContext())
        // One by one, the second sentence has no "Ada" in it: its "Vance" is missed.
        let alone = try evaluation.evaluate(sentences)
        #expect(alone.overall == Scores(truePositives: 1, predicted: 1, gold: 2))
        // Together, the first document's context reaches it; the second document stays apart.
        let together = try evaluation.evaluate(sentences, byDocument: true)
        #expect(together.overall == Scores(truePositives: 2, predicted: 2, gold: 2))
        #expect(together.sentences == 3)
    }

    @Test func anEntityAcrossASentenceBreakMatchesNothing() throws {
        let sentences = [
            GoldEntitySentence(tokens: ["I", "met", "Ada"], entities: [], document: 0),
            GoldEntitySentence(tokens: ["Vance", "smiled", "."], entities: [.init(start: 0, end: 1, label: "PER")], document: 0),
        ]
        let scores = try EntityEvaluation(annotator: NameFromContext()).evaluate(sentences, byDocument: true)
        #expect(scores.overall == Scores(truePositives: 0, predicted: 1, gold: 1))
        // It counts against the sentence it starts in; the second sentence's name is missed.
        #expect(scores.mismatches.map(\.sentence) == [0, 1])
    }
}
