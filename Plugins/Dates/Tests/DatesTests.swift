import Spindle
import SpindleDates
import SpindleTestKit
import Testing

// Reference dates: Tuesday 2022-04-12 unless a test says otherwise.

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("The ferry resumed service on March 3, 2021.", "2021-03-03"),
        ("Shares fell on Feb. 24, 2022, after the announcement.", "2022-02-24"),
        ("The vote was held on 24 February 2022.", "2022-02-24"),
        ("The permit expired on 2/24/2022.", "2022-02-24"),
        ("The filing is dated 2022-02-24.", "2022-02-24"),
        ("The council met on Tuesday, May 3, 2022.", "2022-05-03"),
        ("The museum opened in September 1997.", "1997-09"),
        ("The bridge was finished in 1994.", "1994"),
        ("The archive covers the 1990s.", "199"),
        ("Steam engines defined the 19th century.", "18"),
    ])
    func writtenDates(text: String, expected: String) throws {
        #expect(try value(text) == expected)
    }

    @Test func monthWithoutYearFollowsTheTense() throws {
        // Written in April 2022: a past December is 2021's, a future one 2022's.
        #expect(try value("She visited the plant in December.") == "2021-12")
        #expect(try value("She will visit the plant in December.") == "2022-12")
        #expect(try value("The harvest was poor on August 9.") == "2021-08-09")
    }

    @Test func weekdaysFollowTheTense() throws {
        #expect(try value("The minister will travel on Monday.") == "2022-04-18")
        #expect(try value("The talks were held on Friday.") == "2022-04-08")
        #expect(try value("The strike ended last Friday.") == "2022-04-08")
        #expect(try value("The team plays next Wednesday.") == "2022-04-20")
    }
}

@Suite struct RelativeTests {
    @Test(arguments: [
        ("Prices rose yesterday.", "2022-04-11"),
        ("The report comes out tomorrow.", "2022-04-13"),
        ("The board met the day before yesterday.", "2022-04-10"),
        ("Inflation slowed last week.", "2022-W14"),
        ("The mayor will decide next month.", "2022-05"),
        ("Sales doubled this year.", "2022"),
        ("The pilot landed two days ago.", "2022-04-10"),
        ("Results are due in three weeks.", "2022-05-03"),
        ("The school reopens in five years.", "2027-04-12"),
    ])
    func relativeToTheDocumentDate(text: String, expected: String) throws {
        #expect(try value(text) == expected)
    }

    @Test func withoutADateValuesStayUnderspecified() throws {
        #expect(try value("The talks were held on Friday.", date: nil) == "XXXX-WXX-5")
        #expect(try value("The fair opens on June 8.", date: nil) == "XXXX-06-08")
        #expect(try value("Inflation slowed last week.", date: nil) == "XXXX-WXX")
    }

    @Test func aDatelineAnchorsADocumentWithoutDate() throws {
        let text = "LISBON, June 3, 2021 - Dockworkers walked out on Tuesday and will return on Friday."
        let found = try timexes(text, date: nil)
        #expect(found.map(\.2) == ["2021-06-03", "2021-06-01", "2021-06-04"])
    }

    @Test func aFixedReferenceOverridesTheMetadata() throws {
        var options = DatesOptions()
        options.reference = "2020-01-15"
        #expect(try value("The vote is tomorrow.", options: options) == "2020-01-16")
    }
}

@Suite struct PartsOfPeriodsTests {
    @Test(arguments: [
        ("Talks stalled in mid-February.", "2022-02 MID"),
        ("The works start in early March.", "2022-03 START"),
        ("Rates peaked in late 2021.", "2021 END"),
        ("The fund closes at the end of the year.", "2022 END"),
        ("Profits grew in the first quarter.", "2022-Q1"),
        ("Exports fell in the second half of 2021.", "2021-H2"),
        ("The drought of summer 2018 was severe.", "2018-SU"),
    ])
    func partsAreMods(text: String, expected: String) throws {
        #expect(try value(text) == expected)
    }
}

@Suite struct TimeTests {
    @Test(arguments: [
        ("The polls close at 8 p.m.", "2022-04-12T20:00"),
        ("The train left at 6:45 this morning.", "2022-04-12T06:45"),
        ("Lunch is served at noon.", "2022-04-12T12:00"),
        ("Officials spoke this morning.", "2022-04-12TMO"),
        ("The vote ran late on Tuesday evening.", "2022-04-12TEV"),
        ("The market opens at 9:30 a.m. on Friday.", "2022-04-15T09:30"),
        ("Crews worked through the night and left at 3 a.m. on Monday.", "2022-04-11T03:00"),
    ])
    func timesCarryTheirDay(text: String, expected: String) throws {
        #expect(try timexes(text).contains { $0.2 == expected })
    }
}

@Suite struct DurationAndSetTests {
    @Test(arguments: [
        ("The siege lasted three years.", "P3Y"),
        ("He was held for 48 hours.", "PT48H"),
        ("The case dragged on for decades.", "PXDE"),
        ("The flight took an hour and a half.", "PT1H30M"),
        ("They approved a 10-year plan.", "P10Y"),
        ("Prices have risen over the past two months.", "P2M"),
    ])
    func durations(text: String, expected: String) throws {
        let found = try timexes(text)
        #expect(found.contains { $0.1 == "DURATION" && $0.2 == expected })
    }

    @Test(arguments: [
        ("The market opens every Monday.", "XXXX-WXX-1"),
        ("The bulletin appears daily.", "P1D"),
        ("Inspectors visit twice a year.", "P1Y"),
        ("Ferries leave every two hours.", "PT2H"),
        ("The choir rehearses on Thursdays.", "XXXX-WXX-4"),
    ])
    func sets(text: String, expected: String) throws {
        let found = try timexes(text)
        #expect(found.contains { $0.1 == "SET" && $0.2 == expected })
    }
}

@Suite struct HolidayAndReferenceTests {
    @Test(arguments: [
        ("Shops will close on Christmas Day.", "2022-12-25"),
        ("The fireworks on New Year's Eve were cancelled.", "2021-12-31"),
        ("The parade was held on Thanksgiving 2021.", "2021-11-25"),
        ("Attendance fell at Easter 2019.", "2019-04-21"),
    ])
    func holidays(text: String, expected: String) throws {
        #expect(try value(text) == expected)
    }

    @Test func referenceWords() throws {
        #expect(try value("The company is now profitable.") == "PRESENT_REF")
        #expect(try value("Costs have recently fallen.") == "PAST_REF")
        #expect(try value("Rules will change in the future.") == "FUTURE_REF")
    }
}

@Suite struct PrecisionTests {
    @Test(arguments: [
        "This may take longer than planned.",
        "The party will march on the capital.",
        "They began a second round of talks.",
        "Mortgage rates stood at 6.45 percent.",
        "There were two to four people in each car.",
        "Shares of $DEC rose sharply.",
    ])
    func wordsThatOnlyLookTemporal(text: String) throws {
        #expect(try timexes(text).isEmpty)
    }

    @Test func aSpanBackFromNowIsADuration() throws {
        let found = try timexes("The talks, the longest in six years, ended at 10 p.m. on Friday.")
        #expect(found.map(\.2) == ["P6Y", "2022-04-08T22:00"])
    }
}

@Suite struct OptionsAndContractTests {
    @Test func typesFilterTheOutput() throws {
        var options = DatesOptions()
        options.types = [.duration]
        let found = try timexes("On Monday the talks lasted three hours.", options: options)
        #expect(found.map(\.1) == ["DURATION"])
    }

    @Test func badOptionsAreRefusedWithTheirName() {
        var options = DatesOptions()
        options.reference = "last tuesday"
        let error = #expect(throws: AnnotatorSetupError.self) { try DateAnnotator(options) }
        #expect(error?.key == "reference")
        #expect(error?.message.contains("`last tuesday` is not a reference") == true)
    }

    @Test func choicesNameEveryValidValue() throws {
        let registry = try Spindle.registry()
        func load(_ yaml: String) -> String {
            do {
                _ = try Pipeline(try PipelineFile.parse(yaml, file: "p.yaml"), registry: registry)
                return "loaded"
            } catch { return "\(error)" }
        }
        let badType = load("annotators:\n  - tokenize\n  - sentences\n  - dates:\n      types: [DATE, DAY]\n")
        #expect(badType.contains("p.yaml:5:"), "\(badType)")
        #expect(badType.contains("`DAY` is not valid; expected one of DATE, TIME, DURATION or SET"), "\(badType)")
        let badDirection = load("annotators:\n  - tokenize\n  - sentences\n  - dates:\n      undetermined: soon\n")
        #expect(badDirection.contains("p.yaml:5:"), "\(badDirection)")
        #expect(badDirection.contains("expected one of nearest, future or past"), "\(badDirection)")
        #expect(load("annotators:\n  - tokenize\n  - sentences\n  - dates:\n      types: [date]\n") == "loaded")
    }

    @Test func offsetsAreScalarOffsetsPastEmojiAndCurlyQuotes() throws {
        let text = "“Ready 🚀,” she said on Friday — après 3 p.m. sharp"
        let found = try timexes(text)
        #expect(found.map(\.0) == ["Friday", "3 p.m."])
    }

    @Test func keepsTheAnnotatorContract() throws {
        let tokenizer = try Tokenizer(), splitter = try SentenceSplitter()
        try checkAnnotatorConformance(try DateAnnotator()) { text in
            var document = Document(text: text, metadata: Metadata(id: "c", date: "2022-04-12"))
            try tokenizer.annotate(&document)
            try splitter.annotate(&document)
            return document
        }
    }

    @Test func isRegisteredWithoutACentralList() throws {
        #expect(Spindle.plugins.contains { $0.name == "Dates" })
        #expect(try Spindle.registry()["dates"] != nil)
    }
}

@Suite struct TimeMLTests {
    @Test func writesInlineTimexesAndEscapesText() throws {
        let pipeline = try Pipeline(Tokenizer(), SentenceSplitter(), DateAnnotator())
        var document = Document(text: "Profits & losses <fell> on Friday.", metadata: Metadata(id: "d1", date: "2022-04-12"))
        try pipeline.annotate(&document)
        let xml = String(decoding: TimeMLWriter().encode(document), as: UTF8.self)
        #expect(xml.contains("<DOCID>d1</DOCID>"))
        #expect(xml.contains("value=\"2022-04-12\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\""))
        #expect(xml.contains("<TEXT>Profits &amp; losses &lt;fell&gt; on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-04-08\">Friday</TIMEX3>.</TEXT>"))
    }
}
