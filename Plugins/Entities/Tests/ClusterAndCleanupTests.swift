import Foundation
import Testing
@testable import SpindleEntities

@Suite struct ClusterAndCleanupTests {
    private func clustersFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clusters-\(UUID()).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func clustersAreReadByLowerCaseWordAndLevel() throws {
        let path = try clustersFile("# made by hand\noslo\t3\t17\t200\nbergen\t3\t17\t201\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clusters = try WordClusters(contentsOf: path)
        let oslo = clusters.packed(WordForm("OSLO").lower), bergen = clusters.packed(WordForm("Bergen").lower)
        #expect(WordClusters.level(oslo, 0) == 4 && WordClusters.level(oslo, 1) == 18 && WordClusters.level(oslo, 2) == 201)
        #expect(WordClusters.level(bergen, 1) == WordClusters.level(oslo, 1))
        #expect(WordClusters.level(bergen, 2) != WordClusters.level(oslo, 2))
        #expect(clusters.packed(WordForm("ferry").lower) == 0)
    }

    @Test func badClusterLinesAreNamed() throws {
        let path = try clustersFile("oslo\t3\nbergen\tx\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: WordClusters.LoadError.badLine(path, 2)) { try WordClusters(contentsOf: path) }
        #expect(throws: WordClusters.LoadError.unreadable("/nowhere/clusters.tsv")) { try WordClusters(contentsOf: "/nowhere/clusters.tsv") }
    }

    @Test func clustersTravelWithTheModelFile() throws {
        var settings = TrainingSettings()
        settings.epochs = 3
        settings.hashBits = 12
        let clusters = WordClusters(classes: [WordForm("oslo").lower: 4 | 18 << 10, WordForm("bergen").lower: 4 | 19 << 10])
        let model = PerceptronTrainer(settings: settings, lexicon: TinyCorpus.lexicon, wordClasses: WordClasses(), clusters: clusters)
            .train(TinyCorpus.sentences).model
        let loaded = try ModelFile.decode(ModelFile.encode(model), path: "clusters.model")
        #expect(loaded.extractor.clusters == clusters)
        for sentence in TinyCorpus.sentences {
            #expect(loaded.spans(in: sentence.tokens) == model.spans(in: sentence.tokens))
        }
    }

    @Test func weightsRelativeToOutsideDecodeLikeTheFullTable() {
        // the trainer decodes with the full float table (O included); the model drops O's column
        var settings = TrainingSettings()
        settings.epochs = 4
        settings.hashBits = 12
        let trainer = PerceptronTrainer(settings: settings, lexicon: TinyCorpus.lexicon, wordClasses: WordClasses())
        let model = trainer.train(TinyCorpus.sentences).model
        #expect(model.rowWidth == model.tagSet.count - 1)
        #expect(model.weights.count == model.extractor.rowCount * model.rowWidth)
        #expect(trainer.devF1(model: model, dev: TinyCorpus.sentences) > 0.9)
    }

    @Test func leadingCommonWordsAreCutFromNames() {
        let classes = WordClasses(counting: [["The", "war", "in", "eastern", "Ukraine", "went", "on"],
                                             ["Fighting", "in", "eastern", "regions", "and", "the", "west"]], minimumCount: 1)
        let tokens = ["Shelling", "in", "eastern", "Ukraine", "and", "de", "Gaulle", "in", "tampa", "bay"]
        let spans = [TokenSpan(start: 2, end: 4, label: "LOC"), TokenSpan(start: 5, end: 7, label: "PER"),
                     TokenSpan(start: 8, end: 10, label: "LOC")]
        #expect(SpanCleanup.clean(spans, tokens: tokens, wordClasses: classes) == [
            TokenSpan(start: 3, end: 4, label: "LOC"), TokenSpan(start: 5, end: 7, label: "PER"),
            TokenSpan(start: 8, end: 10, label: "LOC"),
        ])
    }

    @Test func aPersonsTitleIsNotPartOfTheName() {
        let tokens = ["President", "Vladimir", "Putin", "met", "Mayor", "Smith", "and", "General", "Motors"]
        let spans = [TokenSpan(start: 0, end: 3, label: "PER"), TokenSpan(start: 4, end: 6, label: "PER"),
                     TokenSpan(start: 7, end: 9, label: "ORG")]
        let titles: Set<String> = ["President", "Mayor", "General"]
        #expect(SpanCleanup.clean(spans, tokens: tokens, wordClasses: WordClasses(), isTitle: { titles.contains($0) }) == [
            TokenSpan(start: 1, end: 3, label: "PER"), TokenSpan(start: 5, end: 6, label: "PER"),
            TokenSpan(start: 7, end: 9, label: "ORG"),
        ])
    }

    @Test func spansNeverStartWithAPossessive() {
        let tokens = ["the", "President", "’s", "Press", "Service", "said", "'s", "Acme"]
        let spans = [TokenSpan(start: 1, end: 2, label: "PER"), TokenSpan(start: 2, end: 5, label: "ORG"),
                     TokenSpan(start: 6, end: 8, label: "ORG")]
        #expect(SpanCleanup.clean(spans, tokens: tokens, wordClasses: WordClasses()) == [
            TokenSpan(start: 1, end: 5, label: "ORG"), TokenSpan(start: 7, end: 8, label: "ORG"),
        ])
    }
}

@Suite struct OrganizationWordTests {
    @Test func aPersonNameEndingInAnOrganizationWordIsAnOrganization() {
        let mentions = [MentionGrouping.Mention(words: ["Nordvik", "Novosti"], label: "PER"),
                        MentionGrouping.Mention(words: ["Anna", "Lund"], label: "PER")]
        let labels = LabelConsistency.harmonize(mentions, isOrganizationWord: { $0 == "Novosti" })
        #expect(labels == ["ORG", "PER"])
    }
}
