import ArgumentParser
import SpindleCore

@main
struct SpindleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spindle",
        abstract: "Annotate news text: tokens, sentences, entities, quotes, dates.",
        discussion: """
        Exit codes: 0 all documents annotated; 1 some documents failed (see the messages); 130 interrupted; \
        2 bad usage, pipeline file or input path (nothing was annotated).
        """,
        version: spindleVersion,
        subcommands: [AnnotateCommand.self, AnnotatorsCommand.self, PipelinesCommand.self, EvalCommand.self, BenchCommand.self, GenerateCommand.self, TrainCommand.self, NewCommand.self]
    )
}
