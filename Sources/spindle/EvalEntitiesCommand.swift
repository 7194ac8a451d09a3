import ArgumentParser
import Foundation
import Spindle
import SpindleEval

struct EvalEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Named entities: CoNLL span-level P/R/F1 per label on pre-tokenized gold (IOB1, IOB2, UNER, GMB).",
        discussion: """
        Gold files are used with their own tokens: each sentence becomes a document of its tokens joined by \
        spaces, and only the pipeline's `entities` step runs. With --documents the sentences of one document \
        (`# newdoc` in Universal NER, `-DOCSTART-` in CoNLL) are annotated together, as an article is. Use \
        --labels to score a subset (UNER has no MISC).
        """)

    @Option(name: .long, help: "Pipeline with an `entities` step (name or path).")
    var pipeline = "entities"

    @Option(name: .long, help: "Comma-separated labels to score, e.g. PER,ORG,LOC (default: all labels seen).")
    var labels: String?

    @Option(name: .long, help: "Print the first N sentences whose entities differ from the gold.")
    var errors = 0

    @Flag(name: .long, help: "Annotate the sentences of each gold document together rather than one by one.")
    var documents = false

    @Argument(help: "Gold files (CoNLL IOB1, IOB2, Universal NER .iob2, GMB).")
    var gold: [String]

    func run() throws {
        let loaded = try loadPipeline(pipeline, providing: .entities)
        let step = loaded.steps.last { $0.annotator.provides.contains(.entities) }!
        let scored = labels.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let evaluation = EntityEvaluation(annotator: step.annotator, labels: scored)
        for path in gold {
            let sentences: [GoldEntitySentence]
            do { sentences = try TaggedTokenFile.read(path: path) } catch { throw fail("\(error)") }
            let started = Date()
            let scores = try evaluation.evaluate(sentences, byDocument: documents)
            let seconds = Date().timeIntervalSince(started)
            let tokens = sentences.reduce(0) { $0 + $1.tokens.count }
            let unit = documents ? "\(Set(sentences.map(\.document)).count) documents, " : ""
            print("\(path): \(unit)\(scores.sentences) sentences, \(tokens) tokens (\(Int(Double(tokens) / max(seconds, 1e-9))) tokens/s)")
            for label in scores.byLabel.keys.sorted() {
                print("  \(label.padding(toLength: 8, withPad: " ", startingAt: 0))\(scores.byLabel[label]!)")
            }
            print("  overall \(scores.overall)")
            for mismatch in scores.mismatches.prefix(errors) {
                let words = sentences[mismatch.sentence].tokens
                func show(_ mentions: [GoldEntitySentence.Mention]) -> String {
                    mentions.map { "[\(words[$0.start..<$0.end].joined(separator: " "))]\($0.label)" }.joined(separator: " ")
                }
                print("  #\(mismatch.sentence + 1): \(words.joined(separator: " "))")
                print("    gold:      \(show(mismatch.gold))")
                print("    predicted: \(show(mismatch.predicted))")
            }
        }
    }
}
