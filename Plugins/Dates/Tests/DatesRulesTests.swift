import Spindle
import SpindleDates
import Testing

/// Business days, years after "year", season words standing alone and "this day".
/// The default document date, 2022-04-12, is a Tuesday.
@Suite struct DatesRulesTests {
    @Test func businessDaysCountWeekdaysOnly() throws {
        // Tue 12 -> Wed 13, Thu 14, Fri 15, Mon 18.
        #expect(try timexes("The refund should reach your card in four business days.").map(\.2) == ["2022-04-18"])
        #expect(try timexes("The refund should reach your card in four business days.").map(\.0) == ["in four business days"])
        // From Friday 15: Mon 18, Tue 19.
        #expect(try value("The spare parts will ship within two working days.", date: "2022-04-15") == "2022-04-19")
        // Back from Tuesday: Mon 11, Fri 8, Thu 7.
        #expect(try value("The order went out three business days ago.") == "2022-04-07")
        #expect(try value("The clinic replies 6 business days from now.") == "2022-04-20")
        // Over a weekend from a Saturday: Mon 18 is the first.
        #expect(try value("Payment clears in one business day.", date: "2022-04-16") == "2022-04-18")
    }

    @Test func businessDaysWithoutDirectionAreDurations() throws {
        #expect(try timexes("Approval usually takes five business days.").map { [$0.0, $0.1, $0.2] } == [["five business days", "DURATION", "P5BD"]])
        #expect(try value("The lawyers asked the court for another business day.") == "P1BD")
        #expect(try value("Staff lost 12 working days to the strike.") == "P12BD")
    }

    @Test func aNumberRightAfterYearIsAPaddedYear() throws {
        #expect(try timexes("The abbey was founded in year 612 by monks.").map { [$0.0, $0.2] } == [["year 612", "0612"]])
        #expect(try value("The tale is set in the year 1066.") == "1066")
        #expect(try timexes("Year three hundred and twelve marks the start of the chronicle.").map { [$0.0, $0.2] }
            == [["Year three hundred and twelve", "0312"]])
        #expect(try value("The coins date from year nine hundred.") == "0900")
        // Small numbers after "year" are counts, not years.
        #expect(try timexes("Year 2 pupils visited the museum.").isEmpty)
        #expect(try !timexes("The plan is in year 3 of its rollout.").contains { $0.2 == "0003" })
    }

    @Test func aSeasonWordClosingItsPhraseIsASeason() throws {
        #expect(try value("The lodge on the ridge closes for winter.")?.hasSuffix("-WI") == true)
        #expect(try value("Summer, the busiest season, is short up north.")?.hasSuffix("-SU") == true)
        #expect(try value("We hike in spring and autumn.", date: nil) == "XXXX-SP")
        #expect(try value("They hope to be back by autumn.")?.hasSuffix("-FA") == true)
        #expect(try value("The crew will repaint the boat in winter.") == "2022-WI")
        // Noun modifiers, verbs and names stay out.
        #expect(try timexes("She ran a winter camp for kids.").isEmpty)
        #expect(try timexes("Shares could fall.").isEmpty)
        #expect(try timexes("The crowd cheered for Donna Summer, the singer.").isEmpty)
    }

    @Test func thisDayIsTheAnchorsDay() throws {
        #expect(try timexes("The treaty is signed this day in Geneva.").map { [$0.0, $0.2] } == [["this day", "2022-04-12"]])
        #expect(try value("I will finish the report this day.", date: "2021-09-30") == "2021-09-30")
        // Idioms.
        #expect(try timexes("He denies the charge to this day.").isEmpty)
        #expect(try timexes("In this day and age nobody writes letters.").isEmpty)
    }

    @Test func aPartOfTheDayOfANamedDay() throws {
        // 2022-04-12 is a Tuesday.
        #expect(try timexes("Police were called on the morning of March 3.").map { [$0.0, $0.1, $0.2] }
            == [["the morning of March 3", "TIME", "2022-03-03TMO"]])
        #expect(try value("The vote was held in the evening of last Friday.") == "2022-04-08TEV")
        #expect(try value("Rescuers arrived on the night of Christmas Eve.", date: "2021-12-27") == "2021-12-24TNI")
        // Without a day after "of" it stays a part of the day.
        #expect(try timexes("In the morning of our lives we dream.").map(\.0) == ["In the morning"])
    }

    @Test func aDayOfTheMonthWithATimeOfDay() throws {
        #expect(try value("The council meets on 19 at 10:30.") == "2022-04-19T10:30")
        #expect(try value("Doors open on 21, 7pm.") == "2022-04-21T19:00")
        #expect(try value("The ferry leaves at 8pm on 14.") == "2022-04-14T20:00")
        #expect(try value("The shift starts on the 5th at 6 a.m.") == "2022-04-05T06:00")
        // A number with no time after it is a count.
        #expect(try timexes("The court ruled on 15 cases.").isEmpty)
        #expect(try timexes("Turnout rose on 12, a record.").isEmpty)
    }

    @Test func unitsOfADurationInAnyOrder() throws {
        #expect(try value("The lease ran for 3 days 2 months.") == "P2M3D")
        #expect(try value("She left 1 month 2 years 10 days ago.", date: "2022-04-12") == "2020-03-02")
        // After a comma or "and" the units must go down.
        #expect(try timexes("He arrived in 3 days, 2 weeks later she left.").map(\.2).first == "2022-04-15")
    }

    @Test func inLessOrMoreThanAnAmount() throws {
        #expect(try timexes("The storm will hit in less than two hours.", date: "2022-04-12T09:00").map { [$0.0, $0.2] }
            == [["in less than two hours", "2022-04-12T11:00:00 BEFORE"]])
        #expect(try value("Results are due in more than a week.") == "2022-04-19 AFTER")
    }

    @Test func twoDigitYearsUpToTwentyYearsAhead() throws {
        #expect(try value("The bond matures 3/7/27.", date: "2016-11-07") == "2027-03-07")
        #expect(try value("The deed is dated 03/18/40.", date: "2016-11-07") == "1940-03-18")
    }

    @Test func theWeekendAfterTheNext() throws {
        #expect(try value("The fair opens the weekend after the next.") == "2022-W17-WE")
    }

    @Test func decimalsAndGroupedNumbersAreCountsUnlessAUnitFollows() throws {
        #expect(try timexes("Turnout was 67.5 percent, or 1,204,311 voters, and 2,400.5 tonnes.").isEmpty)
        #expect(try value("The flight took 1.5 hours.") == "PT1H30M")
        #expect(try value("Filed 05.31.2024 with the court.") == "2024-05-31")
        #expect(try value("The doors open at 10.30 tomorrow.")?.hasPrefix("2022-04-13T10:30") == true)
    }

    @Test func nightsOfAStayAndOneSecond() throws {
        #expect(try timexes("The delegates stayed two nights in the capital.").map { [$0.0, $0.1, $0.2] } == [["two nights", "DURATION", "P2D"]])
        #expect(try value("She booked a cabin for 1 night.") == "P1D")
        #expect(try value("He was held for one night.") == "P1D")
        #expect(try value("The race was decided by a one second margin.") == "PT1S")
        // A night in a story, and an ordinal "second", stay what they were.
        #expect(try timexes("One night in May the dam broke.").map(\.1) == ["TIME", "DATE"])
        #expect(try timexes("Voters go to a second round.").isEmpty)
    }
}

