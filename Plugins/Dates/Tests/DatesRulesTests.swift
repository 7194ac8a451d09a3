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
}
