import SpindleCore
import SpindleText
import Testing

/// The sentences of `text` as strings, after the tokenizer and the splitter.
func splitSentences(_ text: String) throws -> [String] {
    var document = Document(text: text)
    try Tokenizer().annotate(&document)
    try SentenceSplitter().annotate(&document)
    let index = ScalarIndex(text)
    return document.sentences.map { String(index.substring($0.span)) }
}

/// One test per idea of the English Golden Rules (pragmatic_segmenter), each with new sentences.
@Suite struct GoldenRuleIdeaTests {
    @Test func periodEndsSentence() throws {
        #expect(try splitSentences("The rain stopped. We went out.") == ["The rain stopped.", "We went out."])
    }

    @Test func questionMarkEndsSentence() throws {
        #expect(try splitSentences("Where is the key? It is in the drawer.") == ["Where is the key?", "It is in the drawer."])
    }

    @Test func exclamationMarkEndsSentence() throws {
        #expect(try splitSentences("Watch out! The floor is wet.") == ["Watch out!", "The floor is wet."])
    }

    @Test func upperCaseInitialIsNoBoundary() throws {
        #expect(try splitSentences("The letter came from Maria T. Lopez.") == ["The letter came from Maria T. Lopez."])
    }

    @Test func lowerCaseOneLetterAbbreviationIsNoBoundary() throws {
        #expect(try splitSentences("The chart is on p. 12 of the report.") == ["The chart is on p. 12 of the report."])
    }

    @Test func lowerCaseAbbreviationInsideSentence() throws {
        #expect(try splitSentences("Did Tom and co. stay for dinner?") == ["Did Tom and co. stay for dinner?"])
    }

    @Test func upperCaseAbbreviationInsideSentence() throws {
        #expect(try splitSentences("We bought it from Hart, Lowe & Co. last spring.")
            == ["We bought it from Hart, Lowe & Co. last spring."])
    }

    @Test func lowerCaseAbbreviationEndsSentence() throws {
        #expect(try splitSentences("Ask Tom and co. They were there.") == ["Ask Tom and co.", "They were there."])
    }

    @Test func upperCaseAbbreviationEndsSentence() throws {
        #expect(try splitSentences("The shop belongs to Hart, Lowe & Co. It opened in May.")
            == ["The shop belongs to Hart, Lowe & Co.", "It opened in May."])
    }

    @Test func prepositiveAbbreviation() throws {
        #expect(try splitSentences("We climbed Mt. Rainier last summer.") == ["We climbed Mt. Rainier last summer."])
    }

    @Test func prepositiveAndPostpositiveAbbreviation() throws {
        #expect(try splitSentences("St. Anne's School is on Elm st. by the river.")
            == ["St. Anne's School is on Elm st. by the river."])
    }

    @Test func possessiveAbbreviation() throws {
        #expect(try splitSentences("This is Martin Jr.'s bike.") == ["This is Martin Jr.'s bike."])
    }

    @Test func multiPeriodAbbreviationInsideSentence() throws {
        #expect(try splitSentences("They toured the U.K. twice in 2019.") == ["They toured the U.K. twice in 2019."])
    }

    @Test func multiPeriodAbbreviationEndsSentence() throws {
        #expect(try splitSentences("Her family moved to the U.K. What a change that was!")
            == ["Her family moved to the U.K.", "What a change that was!"])
    }

    @Test func usEndsSentenceBeforeASentenceStarter() throws {
        #expect(try splitSentences("My cousin studies in the U.S. She likes it.")
            == ["My cousin studies in the U.S.", "She likes it."])
    }

    @Test func usBeforeCapitalizedNounIsNoBoundary() throws {
        #expect(try splitSentences("He wrote to the U.S. Senate about it.") == ["He wrote to the U.S. Senate about it."])
    }

    @Test func usBeforeLowerCaseIsNoBoundary() throws {
        #expect(try splitSentences("She stayed in the U.S. until March.") == ["She stayed in the U.S. until March."])
    }

    @Test func clockTimes() throws {
        #expect(try splitSentences("By 7 a.m. Dr. Patel was at work. She went home at 8 P.M. Ms. Cole stayed late.")
            == ["By 7 a.m. Dr. Patel was at work.", "She went home at 8 P.M.", "Ms. Cole stayed late."])
        #expect(try splitSentences("The vote is at 3 p.m. Thursday.") == ["The vote is at 3 p.m. Thursday."])
    }

    @Test func numberInsideSentence() throws {
        #expect(try splitSentences("The ticket costs $45.50 at the door.") == ["The ticket costs $45.50 at the door."])
    }

    @Test func numberEndsSentence() throws {
        #expect(try splitSentences("The ticket costs $45.50. Children go free.")
            == ["The ticket costs $45.50.", "Children go free."])
    }

    @Test func parentheticalSentenceInsideSentence() throws {
        #expect(try splitSentences("My aunt paints birds (She took it up after she retired.) in her garden.")
            == ["My aunt paints birds (She took it up after she retired.) in her garden."])
    }

    @Test func emailAddress() throws {
        #expect(try splitSentences("Write to Tom.Reed@example.org. He answers quickly.")
            == ["Write to Tom.Reed@example.org.", "He answers quickly."])
    }

    @Test func webAddress() throws {
        #expect(try splitSentences("The form is at http://forms.example.net/apply.html. Fill it in today.")
            == ["The form is at http://forms.example.net/apply.html.", "Fill it in today."])
    }

    @Test func singleQuotedSentenceInsideSentence() throws {
        #expect(try splitSentences("He looked up, 'That is odd.' he muttered.") == ["He looked up, 'That is odd.' he muttered."])
    }

    @Test func doubleQuotedSentenceInsideSentence() throws {
        #expect(try splitSentences("He looked up, \"That is odd.\" he muttered.")
            == ["He looked up, \"That is odd.\" he muttered."])
    }

    @Test func doubleQuotedSentenceEndsSentence() throws {
        #expect(try splitSentences("He looked up, \"That is odd.\" Then he went back to work.")
            == ["He looked up, \"That is odd.\"", "Then he went back to work."])
    }

    @Test func doubledExclamationMarks() throws {
        #expect(try splitSentences("We won!! Nobody expected it.") == ["We won!!", "Nobody expected it."])
    }

    @Test func doubledQuestionMarks() throws {
        #expect(try splitSentences("Is it over?? Nobody told me.") == ["Is it over??", "Nobody told me."])
    }

    @Test func mixedExclamationAndQuestionMarks() throws {
        #expect(try splitSentences("You did what!? Tell me more.") == ["You did what!?", "Tell me more."])
        #expect(try splitSentences("You did what?! Tell me more.") == ["You did what?!", "Tell me more."])
    }

    @Test func listWithPeriodAndParenthesis() throws {
        #expect(try splitSentences("1.) Buy flour 2.) Bake bread") == ["1.) Buy flour", "2.) Bake bread"])
        #expect(try splitSentences("1.) Buy flour. 2.) Bake bread.") == ["1.) Buy flour.", "2.) Bake bread."])
    }

    @Test func listWithParenthesis() throws {
        #expect(try splitSentences("1) Buy flour 2) Bake bread") == ["1) Buy flour", "2) Bake bread"])
        #expect(try splitSentences("1) Buy flour. 2) Bake bread.") == ["1) Buy flour.", "2) Bake bread."])
    }

    @Test func listWithPeriod() throws {
        #expect(try splitSentences("1. Buy flour 2. Bake bread") == ["1. Buy flour", "2. Bake bread"])
        #expect(try splitSentences("1. Buy flour. 2. Bake bread.") == ["1. Buy flour.", "2. Bake bread."])
    }

    @Test func listWithBullets() throws {
        #expect(try splitSentences("• 4. Buy flour • 5. Bake bread") == ["• 4. Buy flour", "• 5. Bake bread"])
    }

    @Test func listWithHyphenBullets() throws {
        #expect(try splitSentences("⁃4. Buy flour ⁃5. Bake bread") == ["⁃4. Buy flour", "⁃5. Bake bread"])
    }

    @Test func alphabeticalList() throws {
        #expect(try splitSentences("a. Buy flour b. Bake bread c. Share it") == ["a. Buy flour", "b. Bake bread", "c. Share it"])
    }

    @Test func numeroAbbreviationBeforeNumber() throws {
        #expect(try splitSentences("The box is at N°. 12.40.7. The key is with me.")
            == ["The box is at N°. 12.40.7.", "The key is with me."])
    }

    @Test func nameWithExclamationMark() throws {
        #expect(try splitSentences("Her brother works at Yahoo! in the sales team.") == ["Her brother works at Yahoo! in the sales team."])
    }

    @Test func pronounIVersusInitialI() throws {
        #expect(try splitSentences("The last to leave was I. Have you met Henry I. Ward?")
            == ["The last to leave was I.", "Have you met Henry I. Ward?"])
    }

    @Test func ellipsisAtEndOfQuotation() throws {
        #expect(try splitSentences("She wrote that “the river will rise again. . . .” Nobody believed her.")
            == ["She wrote that “the river will rise again. . . .”", "Nobody believed her."])
    }

    @Test func ellipsisInSquareBrackets() throws {
        #expect(try splitSentences("\"The old [...] bridge stood for years [...]\" (Brown 12).")
            == ["\"The old [...] bridge stood for years [...]\" (Brown 12)."])
    }

    @Test func spacedEllipsisAndPeriodEndSentence() throws {
        #expect(try splitSentences("The list of names goes on and on . . . . The rest were lost.")
            == ["The list of names goes on and on . . . .", "The rest were lost."])
    }

    @Test func unspacedEllipsisEndsSentence() throws {
        #expect(try splitSentences("I waited for hours.... Then the bus came.") == ["I waited for hours....", "Then the bus came."])
        #expect(try splitSentences("We were tired… The day had been long.") == ["We were tired…", "The day had been long."])
    }

    @Test func ellipsisInsideSentence() throws {
        #expect(try splitSentences("It was ... how shall I say...odd . . . I liked it anyway.")
            == ["It was ... how shall I say...odd . . . I liked it anyway."])
    }

    @Test func fourDotEllipsisOpensNextSentence() throws {
        #expect(try splitSentences("The road went north. . . . Nobody came back.")
            == ["The road went north.", ". . . Nobody came back."])
    }
}

@Suite struct NewsSentenceTests {
    @Test func quoteWithAttributionIsOneSentence() throws {
        #expect(try splitSentences("\"We will not give up,\" the mayor said. The council met later.")
            == ["\"We will not give up,\" the mayor said.", "The council met later."])
        #expect(try splitSentences("“It is over,” Lee told reporters.") == ["“It is over,” Lee told reporters."])
    }

    @Test func quotedQuestionBeforeAttribution() throws {
        #expect(try splitSentences("\"Where were you?\" asked the judge.") == ["\"Where were you?\" asked the judge."])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() throws {
        #expect(try splitSentences("He said \"No.\" Then he left. (It was late.) We stayed.")
            == ["He said \"No.\"", "Then he left.", "(It was late.)", "We stayed."])
    }

    @Test func headlineLineEndsSentence() throws {
        #expect(try splitSentences("Storm hits coast\nLISBON (Wire) - Winds tore roofs off on Sunday.")
            == ["Storm hits coast", "LISBON (Wire) - Winds tore roofs off on Sunday."])
    }

    @Test func wrappedLineGoesOn() throws {
        #expect(try splitSentences("The storm tore roofs off\nhouses along the coast.") == ["The storm tore roofs off\nhouses along the coast."])
    }

    @Test func paragraphBreakEndsSentence() throws {
        #expect(try splitSentences("Markets fell on Monday\n\nthe bank said prices would rise")
            == ["Markets fell on Monday", "the bank said prices would rise"])
    }

    @Test func listLines() throws {
        #expect(try splitSentences("The plan:\n1. Raise taxes\n2. Cut spending") == ["The plan:", "1. Raise taxes", "2. Cut spending"])
        #expect(try splitSentences("Key points\n• Prices rose\n• Wages fell") == ["Key points", "• Prices rose", "• Wages fell"])
    }

    @Test func markersInsideASentenceAreNoList() throws {
        #expect(try splitSentences("Rules (a) and (b) apply here.") == ["Rules (a) and (b) apply here."])
        #expect(try splitSentences("See chapter 1. The end is in chapter 2. The rest is notes.")
            == ["See chapter 1.", "The end is in chapter 2.", "The rest is notes."])
    }

    @Test func listAfterColonInsideALine() throws {
        #expect(try splitSentences("The winners: 1. Ada Park 2. Ben Moss") == ["The winners:", "1. Ada Park", "2. Ben Moss"])
    }

    @Test func titlesBeforeNames() throws {
        #expect(try splitSentences("Sen. Ruiz met Gov. Hall and Mr. Obi in Washington.")
            == ["Sen. Ruiz met Gov. Hall and Mr. Obi in Washington."])
    }

    @Test func referenceMarkersStayWithTheirSentence() throws {
        #expect(try splitSentences("The bridge opened in 1890.[3] It still stands.") == ["The bridge opened in 1890.[3]", "It still stands."])
        #expect(try splitSentences("The bridge opened in 1890. [3] It still stands.") == ["The bridge opened in 1890. [3]", "It still stands."])
    }

    @Test func lowerCaseSentenceStartAfterPlainWord() throws {
        #expect(try splitSentences("see you at the game. bring a coat.") == ["see you at the game.", "bring a coat."])
    }

    @Test func sentencesCarryTheirTokens() throws {
        var document = Document(text: "  One two.  Three four!  ")
        try Tokenizer().annotate(&document)
        try SentenceSplitter().annotate(&document)
        let sentences = document.sentences
        #expect(sentences.map(\.tokens) == [0..<3, 3..<6])
        #expect(sentences.map(\.span) == [Span(start: 2, end: 10), Span(start: 12, end: 23)])
    }

    @Test func offsetsAreScalarsAfterEmoji() throws {
        #expect(try splitSentences("We 😀 won. The 🎉 began.") == ["We 😀 won.", "The 🎉 began."])
    }
}
