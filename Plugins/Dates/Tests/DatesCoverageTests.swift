import Spindle
import SpindleDates
import Testing

// Forms added to reach the evaluation suites, each with sentences written for these tests. Reference:
// Tuesday 2022-04-12, at 10:00 where a test needs a time of day.

/// The first timex's text and value (with its mod), for one-expression sentences.
private func first(_ text: String, date: String = "2022-04-12T10:00") throws -> (String, String)? {
    try timexes(text, date: date).first.map { ($0.0, $0.2) }
}

@Suite struct EndOfDayTests {
    @Test(arguments: [
        ("Send the draft by end of day.", "end of day", "2022-04-12 END"),
        ("The offer lapses at the end of the day.", "the end of the day", "2022-04-12 END"),
        ("Bids close at the end of tomorrow.", "the end of tomorrow", "2022-04-13 END"),
        ("Please reply by EOD.", "EOD", "2022-04-12 END"),
    ])
    func theEndOfADayIsTheDayWithModEnd(text: String, span: String, expected: String) throws {
        let found = try #require(try first(text))
        #expect(found.0 == span)
        #expect(found.1 == expected)
    }

    @Test func theIdiomIsNotATime() throws {
        #expect(try timexes("At the end of the day, voters decide.").isEmpty)
    }
}

@Suite struct OffsetTests {
    @Test(arguments: [
        ("The results arrive in about two hours.", "2022-04-12T12:00:00"),
        ("The shuttle leaves in 1h.", "2022-04-12T11:00:00"),
        ("Dinner is served in three-quarters of an hour.", "2022-04-12T10:45:00"),
        ("The ferry docks in 2 and a half hours.", "2022-04-12T12:30:00"),
        ("The update lands in 1/4 h.", "2022-04-12T10:15:00"),
        ("The file was saved 1d 2h 5m ago.", "2022-04-11T07:55:00"),
        ("Reminder set for +15 minutes.", "2022-04-12T10:15:00"),
        ("The backup ran -2hr5min before the crash.", "2022-04-12T07:55:00"),
        ("The follow-up is due next Tuesday +10 days.", "2022-04-29"),
        ("The courier comes a day from right now.", "2022-04-13"),
    ])
    func offsetsFromTheReference(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func anOffsetNeedsAnAnchor() throws {
        #expect(try timexes("Move it -3y.", date: nil).allSatisfy { $0.1 == "DURATION" })
    }

    @Test func laterThisWeekIsAPeriodNotAnOffset() throws {
        let found = try timexes("Book 30 minutes later this week.")
        #expect(found.map(\.2) == ["PT30M", "2022-W15"])
    }

    @Test func aPeriodThenADayAgoStayApart() throws {
        let found = try timexes("They argued for the last 3 months and 2 days ago they settled.")
        #expect(found.map(\.2) == ["P3M", "2022-04-10"])
    }
}

@Suite struct EraTests {
    @Test(arguments: [
        ("The temple was built in 345 BC.", "BC0345"),
        ("Rome burned in AD 64.", "0064"),
        ("The wall dates from 122 A.D.", "0122"),
        ("The treaty was signed on 10 August 234 BCE.", "BC0234-08-10"),
        ("The stele reads August 10, 2555 BE.", "2012-08-10"),
    ])
    func yearsWithTheirEra(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func aPlainSmallYearIsNoEra() throws {
        #expect(try timexes("He will 2012 be remembered?").allSatisfy { !$0.2.hasPrefix("BC") })
    }
}

@Suite struct NarrativeDayTests {
    @Test func theNextDayFollowsTheLastDayNamed() throws {
        let found = try timexes("Police arrived on Friday. The suspect was arrested the next day.")
        #expect(found.map(\.2) == ["2022-04-08", "2022-04-09"])
    }

    @Test func withoutAnEarlierDayTheAnchorIsUsed() throws {
        #expect(try first("I'll leave the day after.")?.1 == "2022-04-13")
        #expect(try first("Shops reopen the day after Easter.")?.1 == "2022-04-18")
    }

    @Test func aDayAfterAnEventIsLeftOut() throws {
        #expect(try timexes("Markets fell the day after the election.").isEmpty)
    }
}

@Suite struct WeekTests {
    @Test(arguments: [
        ("The festival fills the first week of October 2023.", "2023-W40"),
        ("Repairs take the third last week of 2021.", "2021-W50"),
        ("Audits run the second last week of October 2018.", "2018-W42"),
        ("The fair is in the last week of July 2016.", "2016-W30"),
        ("Exams start the first week of next year.", "2023-W01"),
        ("Payroll closes the fifth last day of May 2022.", "2022-05-27"),
    ])
    func weeksCountedLikeISOWeeks(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test(arguments: [
        ("We meet next week on Tuesday.", "next week on Tuesday", "2022-04-19"),
        ("The vote was last week Sunday.", "last week Sunday", "2022-04-10"),
        ("The recital is Wednesday evening next week.", "Wednesday evening next week", "2022-04-20TEV"),
    ])
    func aWeekdayInANamedWeek(text: String, span: String, expected: String) throws {
        let found = try #require(try first(text))
        #expect(found.0 == span)
        #expect(found.1 == expected)
    }

    @Test func aWeekdayLaterInTheSentenceTakesTheNamedWeek() throws {
        let found = try timexes("Next week, perhaps on Thursday, the board decides.")
        #expect(found.map(\.2) == ["2022-W16", "2022-04-21"])
    }
}

@Suite struct WeekdayAndDateTests {
    @Test(arguments: [
        ("The letter is dated Friday, July 18.", "2025-07-18"),
        ("The clinic opens Monday 18.", "2022-04-18"),
        ("The match is on friday 7.6.", "2018-07-06"),
        ("The recital fell on Friday the fifteen.", "2021-10-15"),
        ("He wrote on monday, jan twenty two, 2018.", "2018-01-22"),
    ])
    func theWeekdayPicksTheYearOrMonth(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func aYearAfterTheTimeBelongsToTheDate() throws {
        #expect(try first("The log says Wed Oct 26 15:50:06 2016.")?.1 == "2016-10-26T15:50:06")
    }

    @Test func aCountAfterAWeekdayIsNoDay() throws {
        #expect(try first("On Monday 21 people came.")?.0 == "Monday")
    }
}

@Suite struct ClockTests {
    @Test(arguments: [
        ("The show starts at 8 tomorrow evening.", "2022-04-13T20:00"),
        ("Nine tomorrow morning suits everyone.", "2022-04-13T09:00"),
        ("Doors open at 7:00 on next Sunday afternoon.", "2022-04-24T19:00"),
        ("The train left at ten-thirty.", "2022-04-12T10:30"),
        ("The bell rings at twelve-oh-three.", "2022-04-12T12:03"),
        ("The shift ends at fifteen thirty p m.", "2022-04-12T15:30"),
        ("The alarm went off at three quarters past 9pm.", "2022-04-12T21:45"),
        ("Call me tomorrow three.", "2022-04-13T03:00"),
        ("The server logged 05/31/2024.14:15 as the failure.", "2024-05-31T14:15"),
        ("The request hit at 06/Nov/2023:06:36:02 exactly.", "2023-11-06T06:36:02"),
        ("Posted 8:23 AM · Jul 9.", "2021-07-09T08:23"),
        ("Meet me at midnight.", "2022-04-13T00:00"),
    ])
    func timesOfDay(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func aBareNumberBeforeADayIsACount() throws {
        #expect(try first("The index rose 9 today.")?.0 == "today")
        #expect(try first("Coffee at building 4 this afternoon.")?.0 == "this afternoon")
    }

    @Test func looseDayParts() throws {
        #expect(try first("Let's find one morning together.")?.1 == "XXXX-XX-XXTMO")
        #expect(try first("Schedule it during the evening.")?.1 == "2022-04-12TEV")
        #expect(try first("The ferry leaves next morning.")?.1 == "2022-04-13TMO")
    }
}

@Suite struct WeekendAndSetTests {
    @Test(arguments: [
        ("She works weekends.", "SET", "XXXX-WXX-WE"),
        ("The tour lasts three weekends.", "DURATION", "P3WE"),
        ("Markets meet every two weekends.", "SET", "P2WE"),
        ("The gym opens every night at 9.", "SET", "XXXX-XX-XXT21:00"),
        ("Mass is 9am on Sundays.", "SET", "XXXX-WXX-7T09:00"),
        ("A 30-minutes break follows.", "DURATION", "PT30M"),
        ("Boil it for ½ hour.", "DURATION", "PT30M"),
    ])
    func setsAndDurations(text: String, type: String, expected: String) throws {
        let found = try #require(try timexes(text, date: "2022-04-12T10:00").first)
        #expect(found.1 == type)
        #expect(found.2 == expected)
    }

    @Test(arguments: [
        ("Traffic peaks on Labor Day weekend.", "2022-W35-WE"),
        ("Parades will fill the weekend of Halloween.", "2022-W43-WE"),
        ("Stores open on Thanksgiving 2023 weekend.", "2023-W47-WE"),
    ])
    func theWeekendNextToAHoliday(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func thePastWeekendIsADate() throws {
        #expect(try first("Sales jumped over the past weekend.")?.1 == "2022-W14-WE")
    }
}

@Suite struct NamesAndYearsTests {
    @Test(arguments: [
        ("Profits rose in fiscal 2022.", "FY2022"),
        ("The budget covers fiscal year 2019.", "FY2019"),
        ("Costs fell last fiscal year.", "FY2021"),
        ("The record dates from 2016 10 16.", "2016-10-16"),
        ("Beware the ides of March.", "2022-03-15"),
        ("We marched on Easter Sunday two thousand ten.", "2010-04-04"),
        ("The parade is on new year eve.", "2021-12-31"),
        ("Offices close the month after the next.", "2022-06"),
        ("May.", "2022-05"),
    ])
    func namedDaysAndYears(text: String, expected: String) throws {
        #expect(try first(text)?.1 == expected)
    }

    @Test func aYearAndACountApartAreNoDate() throws {
        #expect(try first("In 2016 10 people died.")?.1 == "2016")
    }
}
