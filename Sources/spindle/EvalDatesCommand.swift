import ArgumentParser

// Placeholder until the dates annotator lands (issue 3); the dates work replaces this file.
struct EvalDates: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dates", abstract: "Temporal expressions (not built yet).", shouldDisplay: false)
    func run() throws { throw fail("the dates annotator is not built yet") }
}
