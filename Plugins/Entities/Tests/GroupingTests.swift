import Spindle
import Testing
@testable import SpindleEntities

@Suite struct GroupingTests {
    private func canonical(_ mentions: [([String], String)]) -> [Int] {
        MentionGrouping.canonical(mentions.map { MentionGrouping.Mention(words: $0.0, label: $0.1) }).map(\.mention)
    }

    @Test func surnamesAndPossessivesJoinTheFullName() {
        let groups = MentionGrouping.canonical([
            .init(words: ["Jensen"], label: "PER"),
            .init(words: ["Maria", "Jensen"], label: "PER"),
            .init(words: ["Jensen", "'s"], label: "PER"),
            .init(words: ["Oslo"], label: "LOC"),
        ])
        #expect(groups.map(\.mention) == [1, 1, 1, 3])
        #expect(groups[2].words == 2)
    }

    @Test func sameWordsTakeTheFirstSpelling() {
        #expect(canonical([(["Toronto"], "LOC"), (["TORONTO"], "LOC"), (["Toronto"], "LOC")]) == [0, 0, 0])
    }

    @Test func aBookLengthListOfMentionsGroupsTheSameWayAsAShortOne() {
        // Thousands of distinct names around one person: only the names sharing a word are compared.
        var mentions: [([String], String)] = (0..<5_000).map { (["Name\($0)", "Surname\($0)"], "PER") }
        mentions += [(["Jensen"], "PER"), (["Maria", "Jensen"], "PER"), (["Jensen"], "PER")]
        let groups = canonical(mentions)
        #expect(groups.suffix(3) == [5_001, 5_001, 5_001])
        #expect(groups[42] == 42)
    }

    @Test func spellingsOfOneTransliteratedNameAreOnePerson() {
        #expect(canonical([(["Aleksandr", "Lukashenko"], "PER"), (["Lukashenko"], "PER"), (["Alexander", "Lukashenko"], "PER"),
                           (["Sergey", "Orlov"], "PER"), (["Sergei", "Orlov"], "PER"), (["Orlov", "'s"], "PER")])
            == [0, 0, 0, 3, 3, 3])
        // Different given names, and English names one letter apart, stay apart.
        #expect(canonical([(["Frances", "Hale"], "PER"), (["Francis", "Hale"], "PER"), (["Anna", "Berg"], "PER"),
                           (["Anne", "Berg"], "PER")]) == [0, 1, 2, 3])
        #expect(MentionGrouping.transliterationKey("dmitriy") == MentionGrouping.transliterationKey("dmitry"))
    }

    @Test func labelsKeepGroupsApart() {
        #expect(canonical([(["Jordan"], "PER"), (["Michael", "Jordan"], "PER"), (["Jordan"], "LOC")]) == [1, 1, 2])
    }

    @Test func initialismsJoinTheirOrganization() {
        #expect(canonical([(["Nordic", "Energy", "Council"], "ORG"), (["NEC"], "ORG"), (["NEC"], "PER")]) == [0, 0, 2])
    }

    @Test func annotatorSetsCanonicalNamesFromTheText() throws {
        let recognizer = EntityRecognizer(model: TinyCorpus.model)
        var document = try TinyCorpus.prepare("Tomas Berg visited Stavanger. Berg works for Fjord Power Corp in Oslo.")
        try recognizer.annotate(&document)
        let found = document.entities.map { (String(document.text(of: $0.span)), $0.label, $0.canonical) }
        #expect(found.contains { $0 == ("Berg", "PER", "Tomas Berg") })
        #expect(found.contains { $0 == ("Tomas Berg", "PER", "Tomas Berg") })
        #expect(found.contains { $0 == ("Oslo", "LOC", "Oslo") })
    }

    @Test func harmonizerFollowsCoNLLForNationalities() {
        let harmonizer = TrainingHarmonizer(demonyms: ["Norwegian", "Swedes"])
        let sentence = TrainingSentence(tokens: ["Norwegian", "officials", "met", "Swedes", "in", "Norway"],
                                        spans: [TokenSpan(start: 0, end: 1, label: "GPE"), TokenSpan(start: 5, end: 6, label: "GPE")])
        let harmonized = harmonizer.harmonize(sentence, corpusTagsMisc: false)
        #expect(harmonized.spans == [TokenSpan(start: 0, end: 1, label: "MISC"), TokenSpan(start: 3, end: 4, label: "MISC"),
                                     TokenSpan(start: 5, end: 6, label: "LOC")])
        #expect(harmonizer.harmonize(sentence, corpusTagsMisc: true).spans.count == 2)
    }
}

@Suite struct LabelConsistencyTests {
    @Test func theMajorityLabelWinsWithinADocument() {
        let labels = LabelConsistency.harmonize([
            .init(words: ["Norland"], label: "LOC"), .init(words: ["Norland", "'s"], label: "LOC"),
            .init(words: ["norland"], label: "ORG"), .init(words: ["Acme"], label: "ORG"), .init(words: ["Acme"], label: "PER"),
        ])
        #expect(labels == ["LOC", "LOC", "LOC", "ORG", "PER"])
    }

    @Test func countriesArePlacesUnlessTheyAreSurnames() {
        let labels = LabelConsistency.harmonize([
            .init(words: ["Norland"], label: "ORG"), .init(words: ["Norland"], label: "ORG"), .init(words: ["Jordan"], label: "PER"),
            .init(words: ["Anna", "Jordan"], label: "PER"),
        ]) { ["norland", "jordan"].contains($0.joined().lowercased()) }
        #expect(labels == ["LOC", "LOC", "PER", "PER"])
    }

    @Test func organizationsNamedLikeFacilitiesArePlaces() {
        let labels = LabelConsistency.harmonize([.init(words: ["Nordvik", "Airport"], label: "ORG"), .init(words: ["Airport"], label: "ORG")],
                                                isPlaceWord: { $0 == "Airport" })
        #expect(labels == ["LOC", "ORG"])
    }

    @Test func surnamesOfNamedPeopleArePeople() {
        let labels = LabelConsistency.harmonize([.init(words: ["Maria", "Jensen"], label: "PER"), .init(words: ["Jensen"], label: "ORG")])
        #expect(labels == ["PER", "PER"])
    }
}
