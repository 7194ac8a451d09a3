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

    @Option(name: .long, help: ArgumentHelp(
        "Direction of a weekday, month, holiday or time the text gives none: suite, pipeline, nearest, future or past.",
        discussion: "suite (default): each suite under its authors' convention where it states one (Duckling: future), the "
            + "others under the pipeline's setting, with the pipeline's figure shown too; pipeline: the pipeline's setting "
            + "everywhere; nearest, future, past: that setting for every suite."))
    var undetermined = "suite"

    @Argument(help: "Gold JSONL file(s).")
    var gold: [String]

    func validate() throws {
        guard ["suite", "pipeline", "nearest", "future", "past"].contains(undetermined) else {
            throw ValidationError("--undetermined must be suite, pipeline, nearest, future or past, not `\(undetermined)`")
        }
    }

    func run() throws {
        var cases: [DateCase] = []
        for path in gold {
            do { cases += try DateGold.load(path: path) } catch { throw fail("\(error)") }
        }
        let suites = Set(cases.map(\.suite))
        let variants: Variants
        do { variants = try Variants(pipeline: pipeline) } catch { throw fail("\(error)") }
        // What each suite runs under, and the pipeline's own figure beside it when that differs.
        var settings: [String: (setting: String, why: String)] = [:]
        for suite in suites {
            switch undetermined {
            case "suite":
                if let convention = DateGold.convention(of: suite), convention.undetermined != variants.own {
                    settings[suite] = (convention.undetermined, "the suite's convention: \(convention.why)")
                } else {
                    settings[suite] = (variants.own, "the pipeline's setting")
                }
            case "pipeline": settings[suite] = (variants.own, "the pipeline's setting")
            default: settings[suite] = (undetermined, "--undetermined")
            }
        }
        let report: DateEvaluation.Report
        var own = DateEvaluation.Report()
        do {
            var pipelines: [String: Pipeline] = [:]
            for (suite, setting) in settings { pipelines[suite] = try variants.pipeline(undetermined: setting.setting) }
            report = try DateEvaluation(pipeline: try variants.pipeline(undetermined: variants.own), suitePipelines: pipelines)
                .evaluate(cases)
            let differing = settings.filter { $0.value.setting != variants.own }.keys
            if undetermined == "suite", !differing.isEmpty {
                own = try DateEvaluation(pipeline: try variants.pipeline(undetermined: variants.own))
                    .evaluate(cases.filter { differing.contains($0.suite) })
            }
        } catch { throw fail("\(error)") }
        print(table(report, settings: settings, own: own, ownSetting: variants.own))
        printUnsupported(report)
        let failures = report.supported.filter { !$0.passed }
        if !failures.isEmpty {
            print("\nfailing cases\(verbose ? "" : " (first 20; --verbose for all)"):")
            for outcome in failures.prefix(verbose ? .max : 20) {
                let item = outcome.item
                print("  \(item.id) [\(item.category.rawValue)] ref \(item.reference ?? "none"): \(item.goldText.debugDescription)")
                let or = item.alternatives.isEmpty ? "" : " (or \(item.alternatives.joined(separator: ", ")))"
                print("    expected \(describe(item.expectation))\(or); got \(outcome.got.isEmpty ? "nothing" : outcome.got.joined(separator: ", "))")
            }
        }
    }

    /// The pipeline with the `dates` step's `undetermined` option set, one per setting.
    private struct Variants {
        let description: PipelineDescription
        let registry: AnnotatorRegistry
        /// The pipeline's own setting: its file's, else the annotator's default.
        let own: String

        init(pipeline: String) throws {
            description = try PipelineFile.load(path: try PipelineLocator().locate(pipeline))
            registry = try Spindle.registry(loading: description.plugins)
            guard let step = description.steps.first(where: { $0.name == "dates" }), let defaults = registry["dates"]?.defaults else {
                throw EvalDatesError.noDatesStep(pipeline)
            }
            own = defaults.overlaid(with: step.options)[path: ["undetermined"]]?.stringValue ?? "nearest"
        }

        func pipeline(undetermined: String) throws -> Pipeline {
            var description = description
            for index in description.steps.indices where description.steps[index].name == "dates" {
                var options = description.steps[index].options.objectValue ?? [:]
                options["undetermined"] = .string(undetermined)
                description.steps[index].options = .object(options)
            }
            return try Pipeline(description, registry: registry)
        }
    }

    private enum EvalDatesError: Error, CustomStringConvertible {
        case noDatesStep(String)
        var description: String {
            switch self {
            case .noDatesStep(let pipeline): "pipeline `\(pipeline)` has no `dates` step to evaluate"
            }
        }
    }

    private func table(_ report: DateEvaluation.Report, settings: [String: (setting: String, why: String)],
                       own: DateEvaluation.Report, ownSetting: String) -> String {
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
            if let setting = settings[suite] { lines.append("    undetermined: \(setting.setting) (\(setting.why))") }
            let ownOutcomes = own.supported.filter { $0.item.suite == suite }
            if !ownOutcomes.isEmpty { lines.append("    with the pipeline's undetermined: \(ownSetting): \(rate(ownOutcomes))") }
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
