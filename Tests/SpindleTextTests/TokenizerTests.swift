import SpindleCore
@testable import SpindleText
import Testing

@Suite struct TokenizerTests {
    /// The token strings of `text`, each cut from the text by its scalar offsets.
    private func tokens(_ text: String, splitClitics: Bool = true) throws -> [String] {
        var options = TokenizerOptions()
        options.splitClitics = splitClitics
        let scalars = Array(text.unicodeScalars)
        return try Tokenizer(options).tokens(in: text).map { token in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[token.span.start..<token.span.end])
            return String(word)
        }
    }

    @Test func splitsCliticsWithEitherApostrophe() throws {
        #expect(try tokens("We can't go, they won't wait and Maya's dog doesn't care.")
            == ["We", "ca", "n't", "go", ",", "they", "wo", "n't", "wait", "and", "Maya", "'s", "dog", "does", "n't",
                "care", "."])
        #expect(try tokens("I’m sure you’ll like Tom’s bike; we’ve tried it, they’re fine, I’d say.")
            == ["I", "’m", "sure", "you", "’ll", "like", "Tom", "’s", "bike", ";", "we", "’ve", "tried", "it", ",",
                "they", "’re", "fine", ",", "I", "’d", "say", "."])
        #expect(try tokens("Kids under 10's pay less.") == ["Kids", "under", "10", "'s", "pay", "less", "."])
    }

    @Test func keepsSurfaceTokensWhenCliticsAreNotSplit() throws {
        #expect(try tokens("They didn't see the farmers' market or Lee’s shop.", splitClitics: false)
            == ["They", "didn't", "see", "the", "farmers'", "market", "or", "Lee’s", "shop", "."])
        // An apostrophe that closes a quotation is not a possessive.
        #expect(try tokens("She called it 'the best of times' and smiled.", splitClitics: false)
            == ["She", "called", "it", "'", "the", "best", "of", "times", "'", "and", "smiled", "."])
    }

    @Test func keepsAbbreviationsAndInitialsWithTheirPeriod() throws {
        #expect(try tokens("Dr. Alvarez met Gen. Ruiz and Mrs. Okafor in the U.S. on Feb. 3, e.g. at noon.")
            == ["Dr.", "Alvarez", "met", "Gen.", "Ruiz", "and", "Mrs.", "Okafor", "in", "the", "U.S.", "on", "Feb.", "3",
                ",", "e.g.", "at", "noon", "."])
        #expect(try tokens("Pens, pads, etc. Then lunch with Orbit Inc. and Gemma et al. (etc.)")
            == ["Pens", ",", "pads", ",", "etc", ".", "Then", "lunch", "with", "Orbit", "Inc.", "and", "Gemma", "et", "al.",
                "(", "etc.", ")"])
        #expect(try tokens("Author Ruth K. Lindqvist wrote No. 7 of the series.")
            == ["Author", "Ruth", "K.", "Lindqvist", "wrote", "No.", "7", "of", "the", "series", "."])
        // `No` and `sun` are words too; a period at the end of a line is the sentence's own.
        #expect(try tokens("She said no. We saw the sun. It was Acme Inc.\nThen")
            == ["She", "said", "no", ".", "We", "saw", "the", "sun", ".", "It", "was", "Acme", "Inc", ".", "Then"])
    }

    @Test func keepsNumbersMoneyAndTimesWhole() throws {
        #expect(try tokens("It cost $1,250.75, up 3.5% from 12,000 yen.")
            == ["It", "cost", "$", "1,250.75", ",", "up", "3.5", "%", "from", "12,000", "yen", "."])
        #expect(try tokens("Doors open at 7:45pm and close at 23:59:30.")
            == ["Doors", "open", "at", "7:45", "pm", "and", "close", "at", "23:59:30", "."])
        #expect(try tokens("Call 555-0142 by 11/04/2026, after 3-5 days, at a 40-page limit of 16GB.")
            == ["Call", "555-0142", "by", "11/04/2026", ",", "after", "3", "-", "5", "days", ",", "at", "a", "40", "-",
                "page", "limit", "of", "16", "GB", "."])
        #expect(try tokens("The 1980s and the 2nd try, 20years, 20/20 vision, 3/4 cup, 1998/99")
            == ["The", "1980s", "and", "the", "2nd", "try", ",", "20", "years", ",", "20", "/", "20", "vision", ",",
                "3/4", "cup", ",", "1998", "/", "99"])
        #expect(try tokens("Sales hit $3M, or US$2.5bn, at .265 per share; see [12,13].")
            == ["Sales", "hit", "$", "3", "M", ",", "or", "US$", "2.5", "bn", ",", "at", ".265", "per", "share", ";",
                "see", "[", "12", ",", "13", "]", "."])
        #expect(try tokens("Dial +44 20-7946-0958 or 503/464-7927 for AT&T.")
            == ["Dial", "+44", "20-7946-0958", "or", "503/464-7927", "for", "AT&T", "."])
        // A list item's number keeps its period at the start of a line, not inside one.
        #expect(try tokens("Steps:\n1. Mix well.\nStir 2. times") == ["Steps", ":", "1.", "Mix", "well", ".", "Stir", "2", ".", "times"])
    }

    @Test func keepsURLsEmailsHashtagsAndMentionsWhole() throws {
        #expect(try tokens("See https://example.org/a_(b)?q=1&r=2. Or (www.example.com).")
            == ["See", "https://example.org/a_(b)?q=1&r=2", ".", "Or", "(", "www.example.com", ")", "."])
        #expect(try tokens("Write to <jo.smith+news@mail.example.co.uk>, thanks!")
            == ["Write", "to", "<", "jo.smith+news@mail.example.co.uk", ">", ",", "thanks", "!"])
        #expect(try tokens("Loved it #BestDayEver, thanks @river_song! We're #1.")
            == ["Loved", "it", "#BestDayEver", ",", "thanks", "@river_song", "!", "We", "'re", "#", "1", "."])
        #expect(try tokens("See notes_v2.docx (and memo3.pdf).") == ["See", "notes_v2.docx", "(", "and", "memo3.pdf", ")", "."])
        #expect(try tokens("<mailto:ana@example.org> or @example.net.")
            == ["<", "mailto:ana@example.org", ">", "or", "@example.net", "."])
    }

    @Test func splitsHyphensButNotBoundPrefixes() throws {
        #expect(try tokens("A well-known non-profit sent an e-mail to re-elect the mayor.")
            == ["A", "well", "-", "known", "non-profit", "sent", "an", "e-mail", "to", "re-elect", "the", "mayor", "."])
        #expect(try tokens("Sent w/o a cross-check, c/o Ed, f/b/o the over-priced co-op.")
            == ["Sent", "w/o", "a", "cross-check", ",", "c/o", "Ed", ",", "f/b/o", "the", "over-priced", "co-op", "."])
        #expect(try tokens("We went -- no, we ran --- home.")
            == ["We", "went", "--", "no", ",", "we", "ran", "---", "home", "."])
        // A word cut off in speech keeps its hyphen.
        #expect(try tokens("I was th- the first, wh-, the Stoddar- Stoddart one; great service- bad food.")
            == ["I", "was", "th-", "the", "first", ",", "wh-", ",", "the", "Stoddar-", "Stoddart", "one", ";", "great",
                "service", "-", "bad", "food", "."])
    }

    @Test func keepsRunsOfMarksAndEmoticonsWhole() throws {
        #expect(try tokens("Wait... what?! No way!!! Really....") == ["Wait", "...", "what", "?!", "No", "way", "!!!", "Really", "...."])
        #expect(try tokens("Great game :) but sad :-( and ;D <3 ^_^") == ["Great", "game", ":)", "but", "sad", ":-(", "and", ";D", "<3", "^_^"])
        #expect(try tokens("Ratio 1:3 and f(x)=(a)") == ["Ratio", "1", ":", "3", "and", "f", "(", "x", ")", "=", "(", "a", ")"])
    }

    @Test func splitsQuotesOffWords() throws {
        #expect(try tokens("He said ``hello'' and “goodbye” to ‘them’.")
            == ["He", "said", "``", "hello", "''", "and", "“", "goodbye", "”", "to", "‘", "them", "’", "."])
        #expect(try tokens("Music of the ’70s and '99") == ["Music", "of", "the", "’70s", "and", "'99"])
        #expect(try tokens("‘’Quoted,’’ he wrote.") == ["‘’", "Quoted", ",", "’’", "he", "wrote", "."])
    }

    @Test func offsetsRoundTripOnMultilingualText() throws {
        let text = """
            “Curly quotes” — and em dashes—everywhere 👍🏽 👨‍👩‍👧‍👦 🇯🇵, press #️⃣.\r
            我们明天去北京看长城。\r
            東京の天気はとても良いです。\r
            ภาษาไทยไม่มีช่องว่างระหว่างคำ\r\n
            """
        let tokenizer = try Tokenizer()
        let found = try tokenizer.tokens(in: text)
        let scalars = Array(text.unicodeScalars)
        // Tokens are ordered, non-empty and inside the text, and only white space lies between them.
        var previousEnd = 0
        for token in found {
            #expect(token.span.start >= previousEnd && token.span.end > token.span.start && token.span.end <= scalars.count)
            #expect(scalars[previousEnd..<token.span.start].allSatisfy { $0.properties.isWhitespace })
            previousEnd = token.span.end
        }
        #expect(scalars[previousEnd...].allSatisfy { $0.properties.isWhitespace })
        let words = try tokens(text)
        #expect(words.allSatisfy { !$0.unicodeScalars.contains(where: \.properties.isWhitespace) })
        for expected in ["“", "Curly", "”", "—", "dashes", "👍🏽", "👨‍👩‍👧‍👦", "🇯🇵", "#️⃣", "。"] {
            #expect(words.contains(expected), "missing \(expected)")
        }
        // ICU's dictionaries segment the scripts written without spaces into several words per line.
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        for line in lines.dropFirst() {
            let lineWords = try tokens(line)
            #expect(lineWords.count >= 4, "\(line) -> \(lineWords)")
            #expect(lineWords.joined() == line)
        }
    }

    @Test func convertsUTF8ToUTF16AndBackToScalarOffsets() {
        for text in ["", "plain ASCII", "café — “naïve” 東京 ภาษา", "a👍🏽b 👨‍👩‍👧‍👦 𝄞 🇯🇵\r\n"] {
            let utf16 = UTF16Text(text)
            #expect(utf16.units == Array(text.utf16))
            // The scalar offset of every UTF-16 offset that starts a scalar.
            var expected: [Int] = []
            var offsets: [Int32] = []
            var position = 0
            for (index, scalar) in text.unicodeScalars.enumerated() {
                offsets.append(Int32(position))
                expected.append(index)
                position += scalar.utf16.count
            }
            #expect(utf16.scalarOffsets(ofAscending: offsets) == expected)
        }
    }
}
