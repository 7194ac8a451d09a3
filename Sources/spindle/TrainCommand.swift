import ArgumentParser

// Placeholder until the entities annotator lands (issue 4); the entities work replaces this file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train models (not built yet).", shouldDisplay: false)
    func run() throws { throw fail("training is not built yet") }
}
