import ArgumentParser
import Foundation
import SpindleCore

@main
struct SpindleCommand: ParsableCommand {
    /// Runs the command line. Usage errors (unknown options, bad values, failed validation) exit 2, as
    /// `--help` and the README say, rather than ArgumentParser's EX_USAGE (64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

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
