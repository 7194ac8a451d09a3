import ArgumentParser
import Foundation
import Spindle
import SpindleEval

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score annotators against gold data.",
        subcommands: [EvalSentences.self, EvalTokens.self, EvalDates.self, EvalEntities.self, EvalQuotes.self]
    )
}

struct EvalOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline to evaluate (name or path).")
    var pipeline = "default"

    @Flag(name: .shortAndLong, help: "Show every failing case.")
    var verbose = false

    @Argument(help: "Gold JSONL file(s).")
    var gold: [String]

    func load() throws -> Pipeline { try loadPipeline(pipeline) }
}

/// Loads a pipeline for `spindle eval`, or fails with the reason; with `layer`, the pipeline must have a
/// step that provides it (`eval quotes` on a pipeline without quotes says so instead of scoring nothing).
func loadPipeline(_ name: String, providing layer: LayerName? = nil) throws -> Pipeline {
    let loaded: Pipeline
    do { loaded = try Spindle.pipeline(name) } catch { throw fail("\(error)") }
    if let layer, !loaded.steps.contains(where: { $0.annotator.provides.contains(layer) }) {
        throw fail("pipeline `\(name)` has no step that provides `\(layer)`; use --pipeline \(layer)")
    }
    return loaded
}

struct EvalSentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Sentence splitting: exact sentence lists ({text, expected}) or boundary P/R/F1 ({text, sentences}).")

    @OptionGroup var options: EvalOptions

    func run() throws {
        let pipeline = try options.load()
        let evaluation = SegmentationEvaluation(pipeline: pipeline)
        for path in options.gold {
            if try firstLineHas(path, key: "expected") {
                let cases = try readJSONLines(SentenceListCase.self, path: path)
                let result = try evaluation.evaluate(cases: cases)
                print("\(path): \(result.passed.count)/\(result.total) cases split exactly as expected")
                for failure in result.failed.prefix(options.verbose ? .max : 10) {
                    print("  FAIL \(failure.id) \(failure.rule)")
                    print("    expected: \(failure.expected)")
                    print("    got:      \(failure.got)")
                }
                if !options.verbose, result.failed.count > 10 { print("  … \(result.failed.count - 10) more (use --verbose)") }
            } else {
                let documents = try readJSONLines(SegmentedDocument.self, path: path)
                let result = try evaluation.evaluate(documents: documents)
                print("\(path): \(result.documents) documents")
                print("  sentence boundaries: \(result.boundaries)")
                print("  exact sentences:     \(result.sentences)")
            }
        }
    }
}

struct EvalTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Tokenization: token P/R/F1 against gold offsets ({text, tokens}).")

    @OptionGroup var options: EvalOptions

    func run() throws {
        let evaluation = SegmentationEvaluation(pipeline: try options.load())
        for path in options.gold {
            let documents = try readJSONLines(SegmentedDocument.self, path: path)
            let result = try evaluation.evaluate(documents: documents)
            print("\(path): \(result.documents) documents")
            print("  tokens: \(result.tokens)")
        }
    }
}

private func firstLineHas(_ path: String, key: String) throws -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("cannot read \(path)") }
    defer { try? handle.close() }
    let head = handle.readData(ofLength: 1 << 16)
    let line = head.split(separator: 0x0A).first ?? head
    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    return object?[key] != nil
}
