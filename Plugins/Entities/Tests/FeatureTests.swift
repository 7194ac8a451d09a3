import Testing
@testable import SpindleEntities

@Suite struct FeatureTests {
    @Test func shapesCompressRunsAndKeepPunctuation() {
        #expect(WordForm("Lindqvist").shape == WordForm("Ab").shape)
        #expect(WordForm("U.K.").shape == WordForm("A.B.").shape)
        #expect(WordForm("U.K.").shape != WordForm("UK").shape)
        #expect(WordForm("3,400").shape == WordForm("1,2").shape)
        #expect(WordForm("Åsa").shape == WordForm("Ab").shape)
        #expect(WordForm("McKinsey").caseClass == .mixed)
        #expect(WordForm("NEC").caseClass == .allCapitals)
        #expect(WordForm("Åsa").caseClass == .initialCapital)
        #expect(WordForm("--").caseClass == .noLetters)
    }

    @Test func affixesComeFromTheLowerCaseForm() {
        let upper = WordForm("BERGEN"), lower = WordForm("bergen")
        #expect(upper.prefix3 == lower.prefix3 && upper.suffix4 == lower.suffix4)
        #expect(WordForm("ab").suffix2 == 0)
        #expect(WordForm("abc").suffix2 == WordForm("xbc").suffix2)
        #expect(WordForm("Ärger").suffix2 == WordForm("ärger").suffix2)
    }

    @Test func curlyApostrophesReadAsStraightOnes() {
        #expect(WordForm("’s") == WordForm("'s"))
        #expect(WordForm("“") == WordForm("\""))
    }

    @Test func lowerCaseFormsMatchAcrossCase() {
        #expect(WordForm("BERGEN").lower == WordForm("bergen").lower)
        #expect(WordForm("BERGEN").exact != WordForm("Bergen").exact)
        #expect(WordForm("ÅSA").lower == WordForm("åsa").lower)
    }

    @Test func lexiconMarksLongestMatchWithBILOUPositions() {
        let lexicon = Lexicon(phrases: ["cities": ["New York", "York"], "org-suffixes": ["Inc"]])
        let words = ["She", "left", "new", "york", "for", "Acme", "Inc"]
        let masks = lexicon.match(words.map { WordForm($0).lower })
        let city = UInt32(1) << UInt32(lexicon.categories.firstIndex(of: "cities")!)
        let suffix = UInt32(1) << UInt32(lexicon.categories.firstIndex(of: "org-suffixes")!)
        #expect(masks[2].0 == city)  // begin of "new york"
        #expect(masks[3].2 == city)  // last of "new york"
        #expect(masks[3].3 == city)  // "york" alone also starts a match
        #expect(masks[6].3 == suffix)
        #expect(masks[0] == (0, 0, 0, 0))
        #expect(lexicon.contains(["New", "York"], category: "cities"))
        #expect(!lexicon.contains(["New"], category: "cities"))
        #expect(!lexicon.contains(["Inc"], category: "cities"))
    }

    @Test func featuresAreDeterministicAndInsideTheTable() {
        let extractor = FeatureExtractor(hashBits: 12, lexicon: TinyCorpus.lexicon, wordClasses: WordClasses())
        let first = extractor.features(of: ["Anna", "Lund", "lives", "in", "Oslo", "."])
        let second = extractor.features(of: ["Anna", "Lund", "lives", "in", "Oslo", "."])
        #expect(first.rows == second.rows)
        #expect(first.tokenCount == 6)
        #expect(first.rows.allSatisfy { $0 >= 0 && $0 < 1 << 12 })
    }

    @Test func allCapitalsSentencesAreRecasedByHabit() {
        let classes = WordClasses(counting: [["The", "ferry", "left", "Bergen", "early"],
                                             ["A", "ferry", "reached", "Bergen", "late"]])
        let extractor = FeatureExtractor(hashBits: 12, lexicon: Lexicon(phrases: [:]), wordClasses: classes)
        let (shouted, allCapitals) = extractor.forms(of: ["FERRY", "LEFT", "BERGEN", "EARLY"])
        #expect(allCapitals)
        #expect(shouted[0].caseClass == .lower)
        #expect(shouted[2].caseClass == .initialCapital)
        #expect(shouted[2] == WordForm("Bergen"))
        let (normal, flagged) = extractor.forms(of: ["The", "NEC", "met"])
        #expect(!flagged)
        #expect(normal[1].caseClass == .allCapitals)
    }
}
