import ArgumentParser
import Foundation
import Spindle
import SpindleEval

struct EvalDates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Temporal expressions: TIMEX3 values against the Duckling, Recognizers-Text and chrono suites.",
        discussion: """
            Each gold expression is one case, counted under its suite and category (date, time, duration, set, \
            relative, holiday). A case passes when a timex overlapping the gold span has the gold TIMEX3 value \
            (parts the gold leaves open, like XXXX or a missing date, match anything). Ranges, time zones and \
            other cases outside TIMEX3 single values are counted as unsupported, by reason.
            """)

    @Option(name: .long, help: "Pipeline to evaluate (name or path).")
    var pipeline = "dates"

    @Flag(name: .shortAndLong, help: "Show every failing case.")
    var verbose = false

    @Argument(help: "Gold JSONL file(s).")
    var gold: [String]

    func run() throws {
        let evaluation: DateEvaluation
        do { evaluation = DateEvaluation(pipeline: try Spindle.pipeline(pipeline)) } catch { throw fail("\(error)") }
        var cases: [DateCase] = []
        for path in gold {
            do { cases += try DateGold.load(path: path) } catch { throw fail("\(error)") }
        }
        let report = try evaluation.evaluate(cases)
        print(table(report))
        printUnsupported(report)
        let failures = report.supported.filter { !$0.passed }
        if !failures.isEmpty {
            print("\nfailing cases\(verbose ? "" : " (first 20; --verbose for all)"):")
            for outcome in failures.prefix(verbose ? .max : 20) {
                let item = outcome.item
                print("  \(item.id) [\(item.category.rawValue)] ref \(item.reference ?? "none"): \(item.goldText.debugDescription)")
                print("    expected \(describe(item.expectation)); got \(outcome.got.isEmpty ? "nothing" : outcome.got.joined(separator: ", "))")
            }
        }
    }

    private func table(_ report: DateEvaluation.Report) -> String {
        func rate(_ outcomes: [DateEvaluation.Outcome]) -> String {
            guard !outcomes.isEmpty else { return "-" }
            let passed = outcomes.filter(\.passed).count
            return "\(passed)/\(outcomes.count) " + String(format: "(%.1f%%)", 100 * Double(passed) / Double(outcomes.count))
        }
        let suites = Array(Set(report.outcomes.map(\.item.suite))).sorted()
        var lines = ["TIMEX3 values (cases in supported categories):"]
        for suite in suites {
            let outcomes = report.supported.filter { $0.item.suite == suite }
            lines.append("  \(suite): \(rate(outcomes))")
            for category in DateCategory.allCases {
                let inCategory = outcomes.filter { $0.item.category == category }
                if !inCategory.isEmpty { lines.append("    \(category.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(rate(inCategory))") }
            }
            let spans = report.spanOnly.filter { $0.item.suite == suite }
            if !spans.isEmpty { lines.append("    recognition only (extractor specs, no value): \(rate(spans))") }
            let negatives = report.negatives.filter { $0.item.suite == suite }
            if !negatives.isEmpty { lines.append("    negatives (nothing to find): \(rate(negatives))") }
            let unsupported = report.outcomes.filter { $0.item.suite == suite && !$0.item.isScoredValue }.count
                - spans.count - negatives.count
            if unsupported > 0 { lines.append("    unsupported: \(unsupported)") }
        }
        lines.append("  all suites: \(rate(report.supported))")
        return lines.joined(separator: "\n")
    }

    private func printUnsupported(_ report: DateEvaluation.Report) {
        let reasons = report.unsupported
        guard !reasons.isEmpty else { return }
        print("\nunsupported cases, by reason:")
        for (reason, count) in reasons { print("  \(count)\t\(reason)") }
    }

    private func describe(_ expectation: DateCase.Expectation) -> String {
        switch expectation {
        case .value(let value): value
        case .fields(let fields, let dateOnly):
            fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + (dateOnly ? " (date only)" : "")
        case .span: "a timex here"
        case .nothing: "nothing"
        case .unsupported(let reason): "unsupported: \(reason)"
        }
    }
}
