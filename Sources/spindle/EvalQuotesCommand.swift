import ArgumentParser
import Spindle
import SpindleEval

struct EvalQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Quote attribution: detection P/R/F1 and speaker accuracy on JSONL {id, text, quotes:[{quote, speaker}]}.",
        discussion: """
        A quote counts as found when its span is exactly the gold quote (marks included). A speaker is right \
        when the gold name equals the canonical name or the words of the predicted speaker.
        """)

    @Option(name: .long, help: "Pipeline with a `quotes` step (name or path).")
    var pipeline = "quotes"

    @Flag(name: .shortAndLong, help: "List every missed, spurious or misattributed quote.")
    var verbose = false

    @Argument(help: "Gold JSONL file(s).")
    var gold: [String]

    func run() throws {
        let evaluation = QuoteEvaluation(pipeline: try loadPipeline(pipeline, providing: .quotes))
        for path in gold {
            let documents: [GoldQuoteDocument]
            do { documents = try GoldQuoteDocument.read(path: path) } catch { throw fail("\(error)") }
            let scores = try evaluation.evaluate(documents)
            print("\(path): \(documents.count) documents")
            print(scores)
            if verbose { scores.mistakes.forEach { print("  \($0)") } }
        }
    }
}
