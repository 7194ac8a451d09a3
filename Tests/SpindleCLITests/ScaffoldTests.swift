import Foundation
import Testing

/// Runs the walk-through of docs/writing-annotators.md in a copy of the repository: scaffold a plugin,
/// run its generated tests, and use it from its pipeline file.
@Suite struct ScaffoldTests {
    @Test(.timeLimit(.minutes(20))) func theWalkthroughWorksAsWritten() throws {
        let guide = try String(contentsOf: CLI.repository.appendingPathComponent("docs/writing-annotators.md"), encoding: .utf8)
        let block = try #require(guide.components(separatedBy: "```sh walkthrough\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map(String.init)
        #expect(commands.count == 3)

        let copy = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        // The tracked files only: what a fresh clone has.
        let copied = try shell("git ls-files -z | xargs -0 cp --parents -t '\(copy.path)'", in: CLI.repository)
        try #require(copied.status == 0, "\(copied.output)")

        for command in commands {
            let result = try shell(command, in: copy)
            try #require(result.status == 0, "`\(command)` failed:\n\(result.output.suffix(4000))")
            if command.contains("annotate") {
                let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("{") })
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let marks = try #require(object["sentiment"] as? [[String: Any]])
                #expect(marks.contains { $0["text"] as? String == "1958" })
            }
            if command.contains("swift test") {
                #expect(result.output.contains("SpindleSentimentTests") || result.output.contains("passed"))
            }
        }
        let manifest = try String(contentsOf: copy.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("\"Sentiment\""))
    }
}
