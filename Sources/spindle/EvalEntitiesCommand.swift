import ArgumentParser

// Placeholder until the entities annotator lands (issue 4); the entities work replaces this file.
struct EvalEntities: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "Named entities (not built yet).", shouldDisplay: false)
    func run() throws { throw fail("the entities annotator is not built yet") }
}
