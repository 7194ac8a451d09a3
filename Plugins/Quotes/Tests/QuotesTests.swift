import Foundation
import Spindle
import SpindleTestKit
import Testing
import SpindleEntities
@testable import SpindleQuotes

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path
private let entityModel = root + "/models/entities-en.model"
private let context = AnnotatorContext(annotatorName: "quotes", resources: ResourceLocator(folders: [root]))

/// What a reader checks of a quote: its text, who said it (canonical name, else the words), and the cue.
private struct Found: Equatable, CustomStringConvertible {
    var quote: String
    var speaker: String?
    var cue: String?
    init(_ quote: String, _ speaker: String?, _ cue: String?) {
        self.quote = quote
        self.speaker = speaker
        self.cue = cue
    }
    var description: String { "\(quote) | \(speaker ?? "-") | \(cue ?? "-")" }
}

private func quotes(_ text: String, entities: Bool = false, options: QuotesOptions = QuotesOptions()) throws -> [Found] {
    var steps: [any Annotator] = [try Tokenizer(), try SentenceSplitter()]
    if entities { steps.append(try EntityRecognizer(options: EntitiesOptions(), context: AnnotatorContext(annotatorName: "entities", resources: ResourceLocator(folders: [root])))) }
    steps.append(try QuoteAnnotator(options: options, context: context))
    let document = try Pipeline(steps: steps.enumerated().map { .init(name: "step\($0.offset)", annotator: $0.element) }).annotate(text)
    return document.quotes.map { quote in
        Found(String(document.text(of: quote.span)), quote.speaker.map { $0.canonical ?? String(document.text(of: $0.span)) },
              quote.cue.map { String(document.text(of: $0)) })
    }
}

private let hasEntityModel = FileManager.default.fileExists(atPath: entityModel)

@Suite struct QuoteDetectionTests {
    @Test func findsEveryKindOfQuoteMark() throws {
        let text = """
        "Straight marks work," Hale said. “Curly ones too,” Hale said. «Guillemets as well,» Hale said.
        “Scraped text mixes them," Hale said.
        """
        #expect(try quotes(text).map(\.quote) == [
            "\"Straight marks work,\"", "“Curly ones too,”", "«Guillemets as well,»", "“Scraped text mixes them,\"",
        ])
    }

    @Test func apostrophesAreNotQuotes() throws {
        let text = "Hale’s team didn't say. The 1990s' boom, rock 'n' roll and the ’90s were O'Neill's era."
        #expect(try quotes(text).isEmpty)
    }

    @Test func aHeadlineInSingleQuotes() throws {
        let text = "Mayor says budget ‘cannot wait’ for the council\n\nMayor Ruth Adeyemi spoke on Monday."
        let found = try quotes(text, options: { var o = QuotesOptions(); o.terms = true; return o }())
        #expect(found.map(\.quote) == ["‘cannot wait’"])
    }

    @Test func aQuoteOverSeveralParagraphsIsOne() throws {
        let text = """
        Hale spoke at length.

        "The first part of the speech goes on and does not close here.

        "The second part ends it," Hale said.
        """
        #expect(try quotes(text) == [Found("\"The first part of the speech goes on and does not close here.\n\n\"The second part ends it,\"", "Hale", "said")])
    }

    @Test func nestedQuotesBelongToTheOuterOne() throws {
        let text = "“He told me ‘never again’ and left,” Hale said."
        #expect(try quotes(text).map(\.quote) == ["“He told me ‘never again’ and left,”"])
    }

    @Test func britishNestingKeepsTheOuterSingleQuote() throws {
        let text = "‘My tutor told me, “You will find nothing there,” and he was wrong,’ said Hale."
        #expect(try quotes(text).map(\.quote) == ["‘My tutor told me, “You will find nothing there,” and he was wrong,’"])
    }

    @Test func aPluralPossessiveClosesOnlyWhenNothingLaterDoes() throws {
        let text = """
        'The drivers' union will not accept it,' said Hale. Critics called the plan 'a tax on shoppers' and left.
        """
        var options = QuotesOptions()
        options.terms = true
        #expect(try quotes(text, options: options).map(\.quote) == ["'The drivers' union will not accept it,'", "'a tax on shoppers'"])
    }

    @Test func singleQuotesRunOverParagraphsToo() throws {
        let text = "'The first paragraph of the speech does not close.\n\n'The second one does,' Hale said."
        #expect(try quotes(text).map(\.quote) == ["'The first paragraph of the speech does not close.\n\n'The second one does,'"])
    }

    @Test func twoApostrophesCloseAQuote() throws {
        let text = "Hale said the plan was \"a complete and utter failure'' on Monday."
        #expect(try quotes(text).map(\.quote) == ["\"a complete and utter failure''"])
    }

    @Test func scareQuotesAreLeftOutUnlessAskedFor() throws {
        let text = "The agency ran what it called a \"special review\" of the \"Harbor Days\" festival."
        #expect(try quotes(text).isEmpty)
        var options = QuotesOptions()
        options.terms = true
        #expect(try quotes(text, options: options).map(\.quote) == ["\"special review\"", "\"Harbor Days\""])
    }
}

@Suite struct AttributionTests {
    @Test func speakerAfterTheQuote() throws {
        let found = try quotes("“We will rebuild,” Ruth Adeyemi said. “Not yet,” said Adeyemi, shaking her head.")
        #expect(found == [Found("“We will rebuild,”", "Ruth Adeyemi", "said"), Found("“Not yet,”", "Ruth Adeyemi", "said")])
    }

    @Test func speakerBeforeTheQuote() throws {
        let found = try quotes("Ruth Adeyemi said: “The bridge opens in May.” Later Adeyemi told reporters the plan was “fully funded”.")
        #expect(found == [Found("“The bridge opens in May.”", "Ruth Adeyemi", "said"), Found("“fully funded”", "Ruth Adeyemi", "told")])
    }

    @Test func organizationsAndAccordingTo() throws {
        let found = try quotes("""
        “The vote is postponed,” the Harbor Council added. “It was a fair count,” according to the Electoral Board.
        """)
        #expect(found == [Found("“The vote is postponed,”", "Harbor Council", "added"),
                          Found("“It was a fair count,”", "Electoral Board", "according to")])
    }

    @Test func reportedAsSaying() throws {
        let found = try quotes("Tomas Brandt left early. \"Why would we wait any longer?\" he was reported as saying.")
        #expect(found == [Found("\"Why would we wait any longer?\"", "Tomas Brandt", "was reported as saying")])
    }

    @Test func pronounsTakeTheLastCompatiblePerson() throws {
        let found = try quotes("""
        Mr. Tomas Brandt met Ms. Ruth Adeyemi in Lagos on Friday.

        “We agreed on nothing,” she said. “We will meet again,” he told reporters.
        """)
        #expect(found.map(\.speaker) == ["Ruth Adeyemi", "Tomas Brandt"])
    }

    @Test func continuationParagraphsKeepTheSpeaker() throws {
        let found = try quotes("""
        “The harbor will reopen in spring,” Ruth Adeyemi said.

        “Every berth has been inspected twice, and the cranes are new.”

        The council meets next week.
        """)
        #expect(found.map(\.speaker) == ["Ruth Adeyemi", "Ruth Adeyemi"])
        #expect(found.map(\.cue) == ["said", nil])
    }

    @Test func aCueBetweenTwoHalves() throws {
        let found = try quotes("“This is the first half,” she said, “and this is the second.” Ruth Adeyemi nodded.")
        #expect(found.map(\.cue) == ["said", "said"])
        #expect(found.count == 2)
    }

    @Test func institutionsAreNamedByTheirFullName() throws {
        let found = try quotes("""
        The Coastal Forecast Centre issued a warning on Monday.

        "Stay away from the shore," the centre said. "Nobody should be on the water," one fisherman said.
        """)
        #expect(found.map(\.speaker) == ["Coastal Forecast Centre", "fisherman"])
    }

    @Test func aRoleNamesThePersonGivenThatRole() throws {
        let found = try quotes("""
        Judge Miriam Castellanos heard the case. Prosecutor Tom Hale spoke first.

        "Is the witness here?" the judge asked.
        """)
        #expect(found.map(\.speaker) == ["Miriam Castellanos"])
    }

    @Test func aHeadlineSpeakerIsNamedInTheArticle() throws {
        let found = try quotes("Harbor chief says repairs ‘cannot wait’\n\nHarbor chief Ruth Adeyemi spoke on Monday.")
        #expect(found.map(\.speaker) == ["Ruth Adeyemi"])
    }

    @Test func namingVerbsAttributeSentencesButNotLabels() throws {
        var options = QuotesOptions()
        options.terms = true
        let found = try quotes("""
        Mayor Ruth Adeyemi called the vote "the most important decision this council will take in years." \
        Critics mocked what Adeyemi calls a "bridge to nowhere" plan.
        """, options: options)
        #expect(found.map(\.speaker) == ["Ruth Adeyemi", nil])
    }

    @Test func aPronounForSomebodyUnnamedHasNoName() throws {
        let found = try quotes("""
        “The water came in fast,” Dr. Tomas Brandt said.

        Down at the harbor, a fisherman who would not give his name pointed at the broken pier. “That was my \
        father's boat,” he said.
        """, entities: hasEntityModel)
        #expect(found.map(\.speaker) == ["Tomas Brandt", "he"])
    }

    @Test func aPassiveVerbDoesNotMakeItsSubjectTheSpeaker() throws {
        let found = try quotes("""
        Ruth Adeyemi spoke on Monday. She claims that the harbor had been unfairly labeled "a monument to waste and delay."
        """)
        #expect(found.map(\.speaker) == ["Ruth Adeyemi"])
        #expect(found.map(\.cue) == ["claims"])
    }

    @Test func aQuoteNobodyIsSaidToHaveSaidHasNoSpeaker() throws {
        let found = try quotes("The banner read: nothing. “Nobody here will ever forget this winter, not one of us.”")
        #expect(found == [Found("“Nobody here will ever forget this winter, not one of us.”", nil, nil)])
    }

    @Test func attributionCanBeTurnedOff() throws {
        var options = QuotesOptions()
        options.attribution = false
        #expect(try quotes("“We will rebuild,” Ruth Adeyemi said.", options: options) == [Found("“We will rebuild,”", nil, nil)])
    }

    @Test(.enabled(if: hasEntityModel)) func entitiesGiveCanonicalNames() throws {
        let found = try quotes("""
        Defence Minister Anatole Verrier visited the port of Marseille on Tuesday.

        “The fleet is ready,” Verrier said. “We have never been better prepared,” the minister added.
        """, entities: true)
        #expect(found.map(\.speaker) == ["Anatole Verrier", "Anatole Verrier"])
    }
}

@Suite struct QuoteAnnotatorTests {
    @Test func keepsTheAnnotatorContract() throws {
        let tokenizer = try Tokenizer(), splitter = try SentenceSplitter()
        try checkAnnotatorConformance(try QuoteAnnotator(context: context)) { text in
            var document = Document(text: text)
            try tokenizer.annotate(&document)
            try splitter.annotate(&document)
            return document
        }
    }

    @Test func isRegisteredAndUsesEntitiesWhenPresent() throws {
        let descriptor = try #require(try Spindle.registry()["quotes"])
        #expect(descriptor.uses == [.entities])
        #expect(descriptor.requires == [.tokens, .sentences])
    }

    @Test func aMissingNameListIsAClearError() {
        var options = QuotesOptions()
        options.names = "no/such/names.tsv"
        let error = #expect(throws: AnnotatorSetupError.self) { try QuoteAnnotator(options: options, context: context) }
        #expect(error?.key == "names")
        #expect(error?.message.contains(root + "/no/such/names.tsv") == true)
    }

    @Test func speechVerbsComeInEveryForm() {
        let verbs = SpeechVerbs(extra: ["rebut"])
        for form in ["said", "says", "saying", "told", "insisted", "stresses", "warning", "quipped", "denied", "rebuts", "wrote", "tweeted"] {
            #expect(verbs.contains(form), "\(form)")
        }
        #expect(!verbs.contains("the"))
    }
}
