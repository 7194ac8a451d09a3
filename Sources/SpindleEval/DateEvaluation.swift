import Foundation
import SpindleCore

/// The categories `spindle eval dates` reports pass rates for.
public enum DateCategory: String, CaseIterable, Sendable, Comparable {
    case date, time, duration, set, relative, holiday

    public static func < (lhs: DateCategory, rhs: DateCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One gold temporal expression from one of the public suites (Duckling, Recognizers-Text, chrono),
/// brought to one shape.
public struct DateCase: Sendable {
    /// What the gold case asserts.
    public enum Expectation: Sendable, Hashable {
        /// A TIMEX3 value (`X` marks what the gold leaves open: `XXXX-02-24`, `T15`).
        case value(String)
        /// Calendar fields of the start instant (chrono asserts only some: year, month, hour, ...).
        /// `dateOnly` compares only year, month and day (chrono fills a date's time with noon or the
        /// reference time).
        case fields([String: Int], dateOnly: Bool)
        /// Only where the expression is (extractor specs).
        case span
        /// Nothing may be found on the whole text (negative cases).
        case nothing
        /// Outside what Spindle supports; the reason is reported.
        case unsupported(String)
    }

    public var suite: String
    /// File and line, for `--verbose`.
    public var id: String
    public var text: String
    /// The anchor, `YYYY-MM-DD` optionally with a time; nil when the suite gives none.
    public var reference: String?
    public var span: Span?
    public var goldText: String
    public var expectation: Expectation
    public var category: DateCategory
    /// Other values the suite gives as resolutions of the same expression (Recognizers-Text lists both
    /// readings of "at 6.45", `T06:45` and `T18:45`, and the past and coming "week of April 10");
    /// any of them passes, as the first does.
    public var alternatives: [String] = []
}

/// How a suite's authors resolve an expression whose direction nothing in the text gives (a weekday,
/// month, holiday or clock time alone): the `undetermined` setting of the `dates` annotator that
/// reproduces it.
public struct DateConvention: Sendable, Hashable {
    /// `nearest`, `future` or `past`.
    public var undetermined: String
    /// The evidence, for the eval's output and the docs.
    public var why: String
}

/// Reads the three public date suites (formats in `../shared/data/README.md`) into `DateCase`s.
public enum DateGold {
    /// The suite's own convention where it asserts one that differs from reading news; nil where the
    /// pipeline's setting applies. Duckling is written for assistants that schedule: every expression
    /// without a direction goes to its next occurrence, and its corpus asserts that throughout (written
    /// on Tuesday 2013-02-12 at 04:30, it expects "monday" = 2013-02-18, "thanksgiving" = 2013-11-28,
    /// "at 3am" = 2013-02-13T03). chrono picks the nearest occurrence, and Recognizers-Text gives both
    /// and leaves the year open, so they keep the pipeline's setting.
    public static func convention(of suite: String) -> DateConvention? {
        switch suite {
        case "duckling":
            DateConvention(undetermined: "future", why: "Duckling resolves forward: \"monday\" on Tuesday 2013-02-12 is 2013-02-18, "
                           + "\"thanksgiving\" is 2013-11-28, \"at 3am\" at 04:30 is the next day")
        default: nil
        }
    }

    public static func load(path: String) throws -> [DateCase] {
        guard let data = FileManager.default.contents(atPath: path) else { throw EvaluationError.unreadable(path) }
        let name = (path as NSString).lastPathComponent
        var cases: [DateCase] = []
        let decoder = JSONDecoder()
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let record: JSONValue
            do { record = try decoder.decode(JSONValue.self, from: Data(line)) } catch {
                throw EvaluationError.badLine(path, number + 1, "\(error)")
            }
            guard let object = record.objectValue, let text = object["text"]?.stringValue else {
                throw EvaluationError.badLine(path, number + 1, "expected an object with `text`")
            }
            let id = "\(name):\(number + 1)"
            if object["chrono_variant"] != nil {
                cases += chrono(object, text: text, id: id)
            } else if object["locale"] != nil || object["section"] != nil || name.hasPrefix("duckling") {
                cases += duckling(object, text: text, id: id)
            } else if object["spec_file"] != nil {
                cases += recognizers(object, text: text, id: id)
            } else {
                throw EvaluationError.unknownFormat(path)
            }
        }
        return cases
    }

    private static func span(_ value: JSONValue?) -> Span? {
        guard let pair = value?.arrayValue, pair.count == 2, case .int(let start) = pair[0], case .int(let end) = pair[1],
              start <= end else { return nil }
        return Span(start: start, end: end)
    }

    private static func scalars(_ text: String, _ span: Span?) -> String {
        guard let span else { return text }
        let all = Array(text.unicodeScalars)
        guard span.end <= all.count else { return text }
        return String(String.UnicodeScalarView(all[span.start..<span.end]))
    }

    // MARK: Duckling

    private static func duckling(_ object: [String: JSONValue], text: String, id: String) -> [DateCase] {
        let reference = object["reference"]?.stringValue
        let expected = object["expected"]?.arrayValue ?? []
        if expected.isEmpty {
            return [DateCase(suite: "duckling", id: id, text: text, reference: reference, span: nil, goldText: text,
                             expectation: .nothing, category: classify(text, timex: nil))]
        }
        return expected.compactMap { item in
            guard let item = item.objectValue else { return nil }
            let span = span(item["span"])
            let goldText = scalars(text, span)
            let expectation: DateCase.Expectation
            let holiday = item["holiday"]?.stringValue ?? ""
            if lunarHolidays.contains(holiday) {
                expectation = .unsupported("holiday on a lunar or lunisolar calendar (Islamic, Hebrew, Hindu, Chinese, Orthodox)")
            } else if observedHolidays.contains(holiday) {
                expectation = .unsupported("holiday whose date is set each year or moved off weekends (Tax Day, Super Tuesday)")
            } else if zonePattern.firstMatch(in: goldText, range: NSRange(goldText.startIndex..., in: goldText)) != nil {
                expectation = .unsupported("time converted to the reference's time zone (\"8:00 GMT\" as 06:00 at UTC-2)")
            } else if let value = item["timex_value"]?.stringValue {
                expectation = .value(value)
            } else {
                expectation = .unsupported("interval (a range has no single TIMEX3 value)")
            }
            let category = item["holiday"] != nil ? .holiday : classify(goldText, timex: item["timex_value"]?.stringValue)
            return DateCase(suite: "duckling", id: id, text: text, reference: reference, span: span, goldText: goldText,
                            expectation: expectation, category: category)
        }
    }

    static let zonePattern = try! NSRegularExpression(
        pattern: "\\b(gmt|utc|pst|pdt|est|edt|cst|cdt|bst|ist|cet|cest|mst|mdt|jst)\\b", options: [.caseInsensitive])

    static let lunarHolidays: Set<String> = [
        "Eid al-Adha", "Eid al-Fitr", "Ugadi", "Chinese New Year", "Rabindra Jayanti", "Guru Ravidass Jayanti", "Pargat Diwas",
        "Laylat al-Qadr", "Jumu'atul-Wida", "Isra and Mi'raj", "Thai Pongal", "Vaisakhi", "Parsi New Year", "Vesak",
        "Guru Gobind Singh Jayanti", "Diwali", "Chhath", "Thiru Onam", "Holika Dahan", "Holi", "Orthodox Good Friday",
        "Clean Monday", "Orthodox Easter Sunday", "Lazarus Saturday", "Yom HaShoah", "Islamic New Year", "Dhanteras",
        "Naraka Chaturdashi", "Vijayadashami", "Karva Chauth", "Mahavir Jayanti", "Kaanum Pongal", "Vasant Panchami",
        "Krishna Janmashtami", "Yom Kippur", "Shemini Atzeret", "Simchat Torah", "Tisha B'Av", "Yom Ha'atzmaut", "Lag BaOmer",
        "Mawlid", "Ashura", "Tu BiShvat", "Bhai Dooj", "Maha Saptami", "Ratha-Yatra", "Raksha Bandhan", "Maha Shivaratri",
        "Dayananda Saraswati Jayanti", "Boghi", "Mattu Pongal", "Purim", "Shushan Purim", "Ganesh Chaturthi", "Rama Navami",
    ]

    static let recognizerLunarWords = [
        "eid", "ramadan", "ramazan", "ramadhan", "ramzan", "ramathan", "breaking the fast", "hijri", "islamic new year", "arabic new year", "yuandan", "chinese new year",
        "qingming", "dragon boat", "mid-autumn", "lantern", "diwali", "hanukkah", "passover", "rosh hashanah", "yom kippur",
    ]

    static let observedHolidays: Set<String> = [
        "Tax Day", "Super Tuesday", "Mini-Tuesday", "King's Day", "Boss's Day", "Emancipation Day",
        "Administrative Professionals' Day", "Emergency Medical Services for Children Day",
    ]

    // MARK: Recognizers-Text

    /// Spec files that test non-default modes of Recognizers-Text, whose expected values differ from
    /// its default (and TIMEX3) reading.
    static let recognizerModes: Set<String> = [
        "DateTimeModelTasksMode.json", "DateTimeModelExperimentalMode.json", "DateTimeModelCalendarMode.json",
        "DateTimeModelExtendedTypes.json", "DateTimeModelSplitDateAndTime.json", "MergedExtractorSkipFromTo.json",
    ]

    private static func recognizers(_ object: [String: JSONValue], text: String, id: String) -> [DateCase] {
        let reference = object["reference"]?.stringValue
        let spec = object["spec_file"]?.stringValue ?? ""
        let suite = spec.hasPrefix("DateTimeModel") ? "recognizers-model" : "recognizers-components"
        let expected = object["expected"]?.arrayValue ?? []
        if expected.isEmpty {
            return [DateCase(suite: suite, id: id, text: text, reference: reference, span: nil, goldText: text,
                             expectation: .nothing, category: classify(text, timex: nil))]
        }
        return expected.compactMap { item in
            guard let item = item.objectValue else { return nil }
            let span = span(item["span"])
            let goldText = item["text"]?.stringValue ?? scalars(text, span)
            let type = (item["type"]?.stringValue ?? "").replacingOccurrences(of: "datetimeV2.", with: "")
            let values = item["values"]?.arrayValue ?? item["value"]?[path: ["values"]]?.arrayValue ?? []
            let first = values.first?.objectValue
            let timex = item["timex"]?.stringValue ?? first?["timex"]?.stringValue
                ?? item["value"]?[path: ["timex"]]?.stringValue ?? item["value"]?[path: ["Timex"]]?.stringValue
            let mod = first?["Mod"]?.stringValue ?? item["value"]?[path: ["Mod"]]?.stringValue
            var category = classify(goldText, timex: timex)
            if type == "set" { category = .set }
            if type == "duration" { category = .duration }
            if spec.hasPrefix("Holiday") { category = .holiday }
            let expectation: DateCase.Expectation
            let lowerText = goldText.lowercased()
            if recognizerModes.contains(spec) {
                expectation = .unsupported("Recognizers-Text non-default mode (\(spec))")
            } else if recognizerLunarWords.contains(where: lowerText.contains) {
                expectation = .unsupported("holiday on a lunar or lunisolar calendar (Islamic, Hebrew, Hindu, Chinese, Orthodox)")
            } else if recognizerModes.contains(spec) {
                expectation = .unsupported("Recognizers-Text non-default mode (\(spec))")
            } else if type == "timezone" {
                expectation = .unsupported("time zone on its own (not a TIMEX3 expression)")
            } else if type == "datetimealt" {
                expectation = .unsupported("alternatives (\"this or next week\")")
            } else if let timex, type.hasSuffix("range") && (timex.hasPrefix("(") || mod != nil) {
                expectation = .unsupported(mod != nil ? "open range (before/after/since)" : "range between two points")
            } else if let timex {
                expectation = timex.hasPrefix("(") ? .unsupported("range between two points") : .value(timex)
            } else {
                expectation = .span
            }
            var found = DateCase(suite: suite, id: id, text: text, reference: reference, span: span, goldText: goldText,
                                 expectation: expectation, category: category)
            if case .value(let first) = expectation {
                var alternatives: [String] = []
                for value in values.dropFirst() {
                    if let other = value.objectValue?["timex"]?.stringValue, other != first, !alternatives.contains(other),
                       !other.hasPrefix("(") { alternatives.append(other) }
                }
                found.alternatives = alternatives
            }
            return found
        }
    }

    // MARK: chrono

    private static func chrono(_ object: [String: JSONValue], text: String, id: String) -> [DateCase] {
        let referenceValue = object["reference"]
        let reference = referenceValue?.stringValue ?? referenceValue?[path: ["js_date_string"]]?.stringValue.flatMap(jsDate)
        let variant = object["chrono_variant"]?.stringValue ?? ""
        let expected = object["expected"]?.arrayValue ?? []
        var unsupported: String?
        if case .object = referenceValue, reference == nil { unsupported = "reference given as a JavaScript expression" }
        if object["options"] != nil { unsupported = "chrono parsing option (forwardDate, timezones)" }
        if variant.hasSuffix(".fr") || variant == "custom" { unsupported = "chrono variant \(variant)" }
        if variant.hasSuffix(".en.GB") || variant == "chronoLittleEndian" { unsupported = "day-first (British) numeric dates" }
        if expected.isEmpty {
            return [DateCase(suite: "chrono", id: id, text: text, reference: reference, span: nil, goldText: text,
                             expectation: unsupported.map { .unsupported($0) } ?? .nothing, category: classify(text, timex: nil))]
        }
        return expected.compactMap { item in
            guard let item = item.objectValue else { return nil }
            let span = span(item["span"])
            let goldText = item["text"]?.stringValue ?? scalars(text, span)
            var expectation: DateCase.Expectation
            var hasTime = false
            if let start = item["start"]?.objectValue {
                var fields: [String: Int] = [:]
                for key in ["year", "month", "day", "hour", "minute", "second"] {
                    if case .int(let value)? = start[key] { fields[key] = value }
                }
                hasTime = fields["hour"] != nil
                expectation = .fields(fields, dateOnly: false)
            } else if let startDate = item["start_date"]?.stringValue, let fields = instantFields(startDate) {
                // chrono gives a date noon or the reference's time of day; only a different time is asserted.
                let referenceTime = reference.flatMap(instantFields)
                let sameTime = (fields["hour"] == 12 && fields["minute"] == 0)
                    || (fields["hour"] == referenceTime?["hour"] && fields["minute"] == referenceTime?["minute"])
                hasTime = !sameTime
                expectation = .fields(sameTime ? fields.filter { ["year", "month", "day"].contains($0.key) } : fields,
                                      dateOnly: sameTime)
            } else if item["start_date"] != nil {
                expectation = .unsupported("expected date given as a JavaScript expression")
            } else {
                expectation = span == nil ? .unsupported("nothing asserted") : .span
            }
            if item["end"] != nil || item["end_date"] != nil { expectation = .unsupported("range between two points") }
            if durationAsInstant.firstMatch(in: goldText, range: NSRange(goldText.startIndex..., in: goldText)) != nil {
                expectation = .unsupported("a duration (\"for 5 minutes\", \"within a month\", \"next 2 days\") that chrono reads as the instant it ends")
            }
            if let unsupported { expectation = .unsupported(unsupported) }
            var category = classify(goldText, timex: nil)
            if category == .date, hasTime { category = .time }
            return DateCase(suite: "chrono", id: id, text: text, reference: reference, span: span, goldText: goldText,
                            expectation: expectation, category: category)
        }
    }

    static let durationAsInstant = try! NSRegularExpression(pattern: """
        ^(for|within|next|last|past)\\s+(about\\s+|around\\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|half|\\d+)\\b
        """, options: [.caseInsensitive])

    /// `Tue Aug 2 2022` (JavaScript's `Date.toDateString`) as `2022-08-02`.
    static func jsDate(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count >= 4, let month = months.firstIndex(of: parts[1].lowercased()), let day = Int(parts[2]),
              let year = Int(parts[3]) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month + 1, day)
    }

    /// Year, month, day, hour, minute, second of `YYYY-MM-DDTHH:MM:SS`.
    static func instantFields(_ text: String) -> [String: Int]? {
        // TIMEX3 writes years before Christ as `BC0234`; chrono asserts them as negative years.
        if text.hasPrefix("BC") || text.hasPrefix("-"), var fields = instantFields(String(text.drop { $0 == "B" || $0 == "C" || $0 == "-" })) {
            fields["year"] = -fields["year"]!
            return fields
        }
        let digits = text.split(whereSeparator: { !$0.isNumber }).map { Int($0) }
        guard digits.count >= 3, let year = digits[0], let month = digits[1], let day = digits[2], text.count >= 10 else { return nil }
        var fields = ["year": year, "month": month, "day": day]
        if digits.count >= 5, let hour = digits[3], let minute = digits[4] {
            fields["hour"] = hour
            fields["minute"] = minute
            if digits.count >= 6, let second = digits[5] { fields["second"] = second }
        }
        return fields
    }

    // MARK: Categories

    static let holidayWords = [
        "christmas", "xmas", "new year", "thanksgiving", "easter", "halloween", "valentine", "independence day",
        "labor day", "labour day", "memorial day", "veterans day", "mother's day", "father's day", "boxing day",
        "patrick", "good friday", "martin luther king", "mlk", "columbus day", "juneteenth", "presidents",
    ]

    static let relativePattern = try! NSRegularExpression(pattern: """
        \\b(today|tomorrow|yesterday|tonight|now|ago|next|last|this|coming|past|previous|later|earlier|hence|\
        upcoming|following|recent|recently|current|(in|within|after) (a|an|\\d+|one|two|three|four|five|six|seven|eight|\
        nine|ten|few|couple)\\b)\\b
        """, options: [.caseInsensitive])

    /// The category a gold expression counts under: holiday, set, duration, relative (resolved
    /// against the anchor), time (has a time of day), else date.
    static func classify(_ text: String, timex: String?) -> DateCategory {
        let lower = text.lowercased()
        if holidayWords.contains(where: lower.contains) { return .holiday }
        if let timex, timex.hasPrefix("P") { return .duration }
        let range = NSRange(lower.startIndex..., in: lower)
        if relativePattern.firstMatch(in: lower, range: range) != nil { return .relative }
        if let timex, timex.contains("T") { return .time }
        return .date
    }
}

/// Scores a `dates` pipeline on gold cases.
public struct DateEvaluation: Sendable {
    public struct Outcome: Sendable {
        public var item: DateCase
        public var passed: Bool
        /// What Spindle found there (`TYPE value [mod]` of each overlapping timex).
        public var got: [String]
    }

    /// Pass counts per (suite, category), unsupported cases by reason, and every outcome.
    public struct Report: Sendable {
        public var outcomes: [Outcome] = []

        public init(outcomes: [Outcome] = []) { self.outcomes = outcomes }

        public var supported: [Outcome] { outcomes.filter { $0.item.isScoredValue } }
        public var spanOnly: [Outcome] { outcomes.filter { $0.item.expectation == .span } }
        public var negatives: [Outcome] { outcomes.filter { $0.item.expectation == .nothing } }

        /// Unsupported cases per reason.
        public var unsupported: [(reason: String, count: Int)] {
            var counts: [String: Int] = [:]
            for outcome in outcomes {
                if case .unsupported(let reason) = outcome.item.expectation { counts[reason, default: 0] += 1 }
            }
            return counts.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }
        }
    }

    public let pipeline: Pipeline
    /// Pipelines for suites evaluated under a convention of their own (see `DateGold.convention(of:)`),
    /// by suite name; the others use `pipeline`.
    public let suitePipelines: [String: Pipeline]

    public init(pipeline: Pipeline, suitePipelines: [String: Pipeline] = [:]) {
        self.pipeline = pipeline
        self.suitePipelines = suitePipelines
    }

    public func evaluate(_ cases: [DateCase]) throws -> Report {
        var report = Report()
        var cache: [String: [Timex]] = [:]
        for item in cases {
            let pipeline = suitePipelines[item.suite] ?? pipeline
            if case .unsupported = item.expectation {
                report.outcomes.append(Outcome(item: item, passed: false, got: []))
                continue
            }
            let key = item.suite + "\u{0}" + (item.reference ?? "") + "\u{0}" + item.text
            let timexes: [Timex]
            if let cached = cache[key] {
                timexes = cached
            } else {
                var document = Document(text: item.text, metadata: Metadata(id: item.id, date: item.reference))
                try pipeline.annotate(&document)
                timexes = document.timexes
                cache[key] = timexes
            }
            let candidates = item.span.map { span in timexes.filter { $0.span.overlaps(span) } } ?? timexes
            let passed: Bool
            switch item.expectation {
            case .value(let first):
                passed = ([first] + item.alternatives).contains { gold in candidates.contains { timex in
                    if TimexComparison.matches(timex.value, mod: timex.mod, gold: gold, reference: item.reference) { return true }
                    // Recognizers-Text splits "Christmas Eve at 6 p.m." into a date and a time, where TIMEX3 has one
                    // expression: a timex that covers the gold date and more carries that date in its value.
                    guard let span = item.span, timex.span.start <= span.start, timex.span.end >= span.end,
                          timex.span.length > span.length, let t = timex.value.firstIndex(of: "T"), !gold.contains("T") else { return false }
                    return TimexComparison.matches(String(timex.value[..<t]), gold: gold, reference: item.reference)
                } }
            case .fields(let fields, let dateOnly):
                passed = candidates.contains { TimexComparison.matches($0.value, fields: fields, dateOnly: dateOnly, reference: item.reference) }
            case .span:
                passed = !candidates.isEmpty
            case .nothing:
                let whole = item.text.unicodeScalars.count
                passed = !timexes.contains { $0.span.length * 2 >= whole }
            case .unsupported:
                passed = false
            }
            let got = candidates.map { "\($0.type.rawValue) \($0.value)" + ($0.mod.map { " \($0)" } ?? "") }
            report.outcomes.append(Outcome(item: item, passed: passed, got: got))
        }
        return report
    }
}

extension DateCase {
    /// Cases with a value to compare: what the pass rates count.
    public var isScoredValue: Bool {
        switch expectation {
        case .value, .fields: true
        default: false
        }
    }
}

/// TIMEX3 value comparison, where the gold's `X`s and missing parts match anything.
public enum TimexComparison {
    /// Equal values after normalizing the time part (`T15` = `T15:00`, `T15:00:00` = `T15:00`); a gold
    /// that leaves parts open (`XXXX-02-24`, `XXXX-WXX-2`, `T15`) matches any value that agrees on the
    /// rest; `PRESENT_REF` matches the reference instant.
    public static func matches(_ predicted: String, mod: String? = nil, gold: String, reference: String?) -> Bool {
        let predicted = normalize(predicted)
        var gold = normalize(gold)
        if predicted == gold { return true }
        // Recognizers-Text leaves a season's open year out ("SU"); TIMEX3 writes it "XXXX-SU".
        if ["SP", "SU", "FA", "WI"].contains(gold) { gold = "XXXX-" + gold }
        // Every weekend: TIMEX3 writes the set as the recurring weekend or as its period.
        if gold == "P1WE", predicted == "XXXX-WXX-WE" { return true }
        if predicted.hasPrefix("P"), gold.hasPrefix("P") {
            if let a = durationAmount(predicted), let b = durationAmount(gold) { return a == b }
            // TIMEX3 writes a vague amount ("a few hours") as X; Recognizers-Text and Duckling write "few" as 3.
            if predicted.contains("X"), !gold.contains("X") {
                return predicted.filter(\.isLetter).replacingOccurrences(of: "X", with: "") == gold.filter(\.isLetter)
            }
            return false
        }
        // The end of a day is the day with mod END in TIMEX3; Recognizers-Text writes its last second.
        if mod == "END", gold.hasSuffix("T23:59:59"), !predicted.contains("T") {
            return matches(predicted, gold: String(gold.dropLast(9)), reference: reference)
        }
        // "2016-11-W03" (Recognizers-Text): the third week of November, counted as ISO 8601 counts weeks of a
        // year (the week holding the month's third Thursday; W05 is always the last).
        if let week = monthWeek(gold), let thursday = isoWeekThursday(predicted) {
            let n = week.n >= 5 ? lastThursdayIndex(thursday) : week.n
            return thursday.month == week.month && (week.year == nil || week.year == thursday.year) && (thursday.day - 1) / 7 + 1 == n
        }
        if predicted == "PRESENT_REF", let reference, let anchor = normalizeInstant(reference) {
            return gold == anchor || anchor.hasPrefix(gold) && gold.count >= 10
        }
        let (goldDate, goldTime) = split(gold)
        let (predictedDate, predictedTime) = split(predicted)
        // Duckling writes a day moved from the reference ("in 7 days") with the reference's hour:
        // an instant, where TIMEX3 has the day.
        if let goldTime, predictedTime == nil, goldDate == predictedDate, let reference, let anchor = normalizeInstant(reference),
           let anchorTime = split(anchor).1,
           anchorTime.hasPrefix(goldTime) || goldTime.hasSuffix(":00") && anchorTime.hasPrefix(String(goldTime.dropLast(3))) {
            return true
        }
        guard goldTime == nil || goldTime == predictedTime else { return false }
        if goldDate.isEmpty { return true }
        if goldDate == predictedDate { return goldTime != nil || predictedTime == nil }
        guard goldDate.contains("X") else { return false }
        if goldTime == nil, predictedTime != nil { return false }
        // "XXXX-11-WXX-4-4": the fourth Thursday of November.
        let pieces = goldDate.split(separator: "-")
        if pieces.count == 5, pieces[2] == "WXX", let month = Int(pieces[1]), let weekday = Int(pieces[3]),
           let n = Int(pieces[4].hasPrefix("#") ? pieces[4].dropFirst() : pieces[4]),
           let fields = DateGold.instantFields(predictedDate), predictedDate.count == 10 {
            return (pieces[0] == "XXXX" || Int(pieces[0]) == fields["year"]) && fields["month"] == month
                && weekdayOf(fields["year"]!, fields["month"]!, fields["day"]!) == weekday && (fields["day"]! - 1) / 7 + 1 == n
        }
        // "XXXX-WXX-2": a Tuesday.
        if goldDate.hasPrefix("XXXX-WXX-"), let weekday = Int(goldDate.dropFirst(9)) {
            guard let fields = DateGold.instantFields(predictedDate), predictedDate.count == 10 else { return false }
            return weekdayOf(fields["year"]!, fields["month"]!, fields["day"]!) == weekday
        }
        guard goldDate.count == predictedDate.count else { return false }
        return zip(goldDate, predictedDate).allSatisfy { $0 == "X" || $0 == $1 }
    }

    /// Whether a predicted value has the asserted calendar fields.
    public static func matches(_ predicted: String, fields: [String: Int], dateOnly: Bool, reference: String?) -> Bool {
        if fields.isEmpty { return true }
        // PRESENT_REF is the reference instant itself, to the second.
        if predicted == "PRESENT_REF", let reference, let instant = DateGold.instantFields(reference) {
            return fields.allSatisfy { instant[$0.key] == $0.value }
        }
        let value = normalize(predicted)
        let (date, time) = split(value)
        // A time on an unknown day ("XXXX-XX-XXT12:30") has the asserted fields only if they are all clock fields.
        if date.contains("X"), let time, fields.keys.allSatisfy({ ["hour", "minute", "second"].contains($0) }) {
            let clock = time.dropFirst().split(separator: ":").map { Int($0) }
            let have = ["hour": clock.first ?? nil, "minute": clock.count > 1 ? clock[1] : 0, "second": clock.count > 2 ? clock[2] : 0]
            return fields.allSatisfy { have[$0.key] == $0.value }
        }
        guard var have = DateGold.instantFields(date + (time.map { "T" + $0.dropFirst() } ?? "")), date.count == 10 else {
            return contains(period: value, fields: fields)
        }
        if time == nil { have["hour"] = nil; have["minute"] = nil }
        // A part of the day ("TEV") holds chrono's hour if the hour falls in it.
        let partHours: [String: ClosedRange<Int>] = ["TMO": 4...12, "TAF": 12...18, "TEV": 17...22, "TNI": 0...23, "TDT": 8...18]
        let part = time.flatMap { partHours[$0] }
        let referenceFields = reference.flatMap(DateGold.instantFields)
        for (key, expected) in fields {
            if dateOnly, !["year", "month", "day"].contains(key) { continue }
            if let part, key == "hour" { if part.contains(expected) { continue } else { return false } }
            if part != nil, key == "minute" || key == "second" { continue }
            // chrono keeps the reference's time of day on a day it moves to ("in one day").
            if time == nil, ["hour", "minute", "second"].contains(key), referenceFields?[key] ?? 0 == expected { continue }
            if key == "second", expected == 0, have[key] == nil { continue }
            guard have[key] == expected else { return false }
        }
        return true
    }

    /// A duration as months and seconds, so `PT1.5H` equals `PT1H30M` and `P1.25Y` equals `P1Y3M`.
    static func durationAmount(_ value: String) -> [Double]? {
        var months = 0.0, seconds = 0.0, number = "", inTime = false
        // Decades and centuries as one letter each.
        let value = value.replacingOccurrences(of: "DE", with: "Z").replacingOccurrences(of: "CE", with: "C")
        for character in value.dropFirst() {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let amount = Double(number) else { return nil }
            number = ""
            switch (character, inTime) {
            case ("Y", false): months += 12 * amount
            case ("M", false): months += amount
            case ("Q", false): months += 3 * amount
            case ("Z", false): months += 120 * amount
            case ("C", false): months += 1200 * amount
            case ("W", false): seconds += 7 * 86400 * amount
            case ("D", false): seconds += 86400 * amount
            case ("H", true): seconds += 3600 * amount
            case ("M", true): seconds += 60 * amount
            case ("S", true): seconds += amount
            default: return nil
            }
        }
        return number.isEmpty ? [months, seconds] : nil
    }

    /// chrono gives an instant inside a period ("next week" is the reference plus seven days); a
    /// week, month or year value passes when that instant lies inside it.
    static func contains(period value: String, fields: [String: Int]) -> Bool {
        guard let year = fields["year"] else { return false }
        let parts = value.split(separator: "-")
        guard let periodYear = Int(parts.first ?? "") else { return false }
        if parts.count == 1 { return year == periodYear }
        let second = parts[1]
        if let month = Int(second), parts.count == 2 { return year == periodYear && fields["month"] == month }
        guard let month = fields["month"], let day = fields["day"] else { return false }
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return false }
        if second.hasPrefix("W"), let week = Int(second.dropFirst().prefix(2)) {
            return calendar.component(.weekOfYear, from: date) == week && calendar.component(.yearForWeekOfYear, from: date) == periodYear
        }
        if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()) {
            return year == periodYear && (month - 1) / 3 + 1 == quarter
        }
        return false
    }

    /// `2016-11-W03` or `XXXX-07-W05`: year (nil when open), month and week of the month.
    static func monthWeek(_ value: String) -> (year: Int?, month: Int, n: Int)? {
        let pieces = value.split(separator: "-")
        guard pieces.count == 3, pieces[2].hasPrefix("W"), let month = Int(pieces[1]), let n = Int(pieces[2].dropFirst()) else { return nil }
        return (Int(pieces[0]), month, n)
    }

    /// The Thursday of an ISO week value `2016-W46`.
    static func isoWeekThursday(_ value: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = value.split(separator: "-")
        guard pieces.count == 2, pieces[1].hasPrefix("W"), let year = Int(pieces[0]), let week = Int(pieces[1].dropFirst()) else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        components.yearForWeekOfYear = year; components.weekOfYear = week; components.weekday = 5
        guard let date = calendar.date(from: components) else { return nil }
        let fields = calendar.dateComponents([.year, .month, .day], from: date)
        return (fields.year!, fields.month!, fields.day!)
    }

    /// Which Thursday of its month the month's last Thursday is (4 or 5), given any Thursday in it.
    private static func lastThursdayIndex(_ thursday: (year: Int, month: Int, day: Int)) -> Int {
        var day = thursday.day
        let length = Calendar(identifier: .gregorian).range(of: .day, in: .month, for: Calendar(identifier: .gregorian)
            .date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: thursday.year, month: thursday.month, day: 15))!)!.count
        while day + 7 <= length { day += 7 }
        return (day - 1) / 7 + 1
    }

    static func normalize(_ value: String) -> String {
        // `BC2014` (TIMEX3) is Duckling's `-2014`.
        let value = value.hasPrefix("BC") ? "-" + value.dropFirst(2) : value
        let (date, time) = split(value.uppercased())
        guard var time else { return date }
        if time.count == 3, time.dropFirst().allSatisfy(\.isNumber) { time += ":00" }
        if time.count == 9, time.hasSuffix(":00") { time = String(time.dropLast(3)) }
        return date + time
    }

    private static func normalizeInstant(_ reference: String) -> String? {
        guard let fields = DateGold.instantFields(reference) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var value = "\(fields["year"]!)-\(pad(fields["month"]!))-\(pad(fields["day"]!))"
        if let hour = fields["hour"], let minute = fields["minute"] { value += "T\(pad(hour)):\(pad(minute))" }
        return value
    }

    /// The date part and the time part (with its `T`).
    private static func split(_ value: String) -> (String, String?) {
        guard let index = value.firstIndex(of: "T"), !value.hasSuffix("_REF") else { return (value, nil) }
        return (String(value[..<index]), String(value[index...]))
    }

    private static func weekdayOf(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // ISO numbering: Monday 1 ... Sunday 7 (Foundation counts Sunday as 1).
        var components = DateComponents()
        components.year = year; components.month = month; components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return 0 }
        let weekday = calendar.component(.weekday, from: date)
        return weekday == 1 ? 7 : weekday - 1
    }
}
