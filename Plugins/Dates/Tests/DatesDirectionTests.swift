import Spindle
import SpindleDates
import Testing

/// Holidays, clock times and counted days: which occurrence an expression points to.
@Suite struct DatesDirectionTests {
    private var future: DatesOptions {
        var options = DatesOptions()
        options.undetermined = .future
        return options
    }

    @Test func aHolidayOnTheAnchorDayIsThatDay() throws {
        #expect(try value("The choir will sing carols on Christmas.", date: "2022-12-25") == "2022-12-25")
        #expect(try value("The choir sang carols on Christmas.", date: "2022-12-25") == "2022-12-25")
        #expect(try value("Groundhog Day brings a crowd to the town square.", date: "2023-02-02", options: future) == "2023-02-02")
        // The modifiers still step over it.
        #expect(try value("Snow fell last Christmas.", date: "2022-12-25") == "2021-12-25")
        #expect(try value("The shop reopens next Christmas.", date: "2022-12-25") == "2023-12-25")
    }

    @Test func thisHolidayIsTheComingOneUnlessTheSentenceLooksBack() throws {
        #expect(try value("The office closes this MLK Day.", date: "2022-02-10") == "2023-01-16")
        #expect(try value("The parade this Thanksgiving should be longer.", date: "2022-02-10") == "2022-11-24")
        #expect(try value("This Easter was quiet in the old town.", date: "2022-05-10") == "2022-04-17")
    }

    @Test func forwardClockTimesKeepTheRunningHourAndTheTwelveHourDial() throws {
        // Said at 09:40 with the forward convention.
        #expect(try value("The bus left the depot at 9:15.", date: "2022-04-12T09:40", options: future) == "2022-04-12T09:15")
        #expect(try value("The ferry sails at 4:30.", date: "2022-04-12T09:40", options: future) == "2022-04-12T16:30")
        #expect(try value("The ferry sails at six fifteen.", date: "2022-04-12T09:40", options: future) == "2022-04-12T18:15")
        // Written the 24-hour way, or with a.m., it is the next day's.
        #expect(try value("The ferry sails at 04:30.", date: "2022-04-12T09:40", options: future) == "2022-04-13T04:30")
        #expect(try value("The ferry sails at 8:10 am.", date: "2022-04-12T09:40", options: future) == "2022-04-13T08:10")
        #expect(try value("The ferry sails at 8h10.", date: "2022-04-12T09:40", options: future) == "2022-04-13T08:10")
    }

    @Test func holidaysAndMonthsSomeYearsOn() throws {
        #expect(try value("Thanksgiving in two years falls early.", date: "2022-04-12") == "2024-11-28")
        #expect(try value("The orchard opens for Easter in a year.", date: "2022-04-12") == "2023-04-09")
        #expect(try value("The lease ends in March in three years.", date: "2022-04-12") == "2025-03")
    }

    @Test func aWeekdayNextToACountedDayIsInItsWeek() throws {
        // Tuesday 2022-04-12; three weeks on is Tuesday 2022-05-03.
        #expect(try timexes("The jury returns Monday three weeks from now.").map(\.2) == ["2022-05-02"])
        #expect(try timexes("The jury returns Thursday, three weeks from now.").map(\.2) == ["2022-05-05"])
        // Two weeks after Easter (2022-04-17) is Sunday 2022-05-01, in the week of Monday 2022-04-25.
        #expect(try timexes("The fair opens two weeks after Easter on Friday.").map(\.2) == ["2022-04-29"])
    }

    @Test func writtenYearsAndDaysInWords() throws {
        #expect(try value("They left in October two thousand and came back later.") == "2000-10")
        #expect(try value("The dinner is set for march twenty second.") == "2022-03-22")
        // The verb takes a count, not a day.
        #expect(try timexes("The troops march twenty miles.").isEmpty)
    }

    @Test func seasonsAfterWholeAndApproximateHours() throws {
        #expect(try value("The pool stays open the whole summer.") == "2022-SU")
        #expect(try value("Come by the bakery 11-ish.", date: "2022-04-12") == "2022-04-12T11:00")
    }
}
