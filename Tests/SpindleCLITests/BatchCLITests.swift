import Foundation
import Testing

@Suite(.serialized) struct BatchCLITests {
    func corpus(_ count: Int) -> String {
        (0..<count).map { number in
            let paragraph = String(repeating: "The board met on day \(number) and said prices rose 2.5% in the U.S. market. ", count: 12)
            return "{\"id\": \"n\(number)\", \"date\": \"2024-06-01\", \"text\": \"\(paragraph)\"}"
        }.joined(separator: "\n") + "\n"
    }

    @Test func ctrlCKeepsFinishedWorkAndResumeCompletesIt() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(6000).write(to: input, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole.jsonl")
        let reference = try CLI.run(["annotate", "-q", "-o", whole.path, input.path])
        #expect(reference.status == 0, "\(reference.stderr)")

        let output = folder.appendingPathComponent("out.jsonl")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate", "--jobs", "2", "--log-format", "json", "-o", output.path, input.path]
        process.currentDirectoryURL = CLI.repository
        let log = Pipe()
        process.standardError = log
        try process.run()
        // Interrupt once the batch says it has finished documents, then read its summary: the interrupt
        // path has to run, not merely race the end of the batch.
        var events: [[String: Any]] = []
        var pending = Data()
        var interrupted = false
        while let chunk = Optional(log.fileHandleForReading.availableData), !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                guard let event = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                events.append(event)
                if !interrupted, event["event"] as? String == "progress", (event["ok"] as? Int ?? 0) > 0 {
                    process.interrupt()
                    interrupted = true
                }
            }
        }
        process.waitUntilExit()
        try #require(interrupted, "the batch ended before it reported progress: \(events)")
        #expect(process.terminationStatus == 130)
        let summary = try #require(events.last { $0["event"] as? String == "summary" })
        #expect(summary["interrupted"] as? Bool == true)
        let finished = summary["ok"] as? Int ?? 0
        #expect(finished > 0 && finished < 6000)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == finished)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        let resumed = try CLI.run(["annotate", "--resume", "-o", output.path, input.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: output) == Data(contentsOf: whole))
    }

    @Test func failuresGoToTheErrorsFileAndMachineLogs() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try (corpus(3) + "{\"id\": \"x\", \"text\": 5}\nnot json\n").write(to: input, atomically: true, encoding: .utf8)
        let errors = folder.appendingPathComponent("errors.jsonl")
        let result = try CLI.run(["annotate", "--log-format", "json", "--errors", errors.path,
                                  "-o", folder.appendingPathComponent("out.jsonl").path, input.path])
        #expect(result.status == 1)
        let logged = result.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(logged.filter { $0["event"] as? String == "failure" }.count == 2)
        let summary = try #require(logged.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["ok"] as? Int == 3)
        #expect(summary["failed"] as? Int == 2)
        let recorded = try String(contentsOf: errors, encoding: .utf8).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(recorded.map { $0["id"] as? String } == ["x", nil])
        #expect((recorded.last?["source"] as? String)?.hasSuffix("in.jsonl:5") == true)
    }

    @Test func globSelectsFilesInFolders() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("2024/05"), withIntermediateDirectories: true)
        try "One story.".write(to: folder.appendingPathComponent("2024/05/a.txt"), atomically: true, encoding: .utf8)
        try "Other story.".write(to: folder.appendingPathComponent("2024/05/b.md"), atomically: true, encoding: .utf8)
        var result = try CLI.run(["annotate", "-q", folder.path])
        #expect(result.lines.map { $0["id"] as? String } == ["a"])
        result = try CLI.run(["annotate", "-q", "--glob", "*.md", folder.path])
        #expect(result.lines.map { $0["id"] as? String } == ["b"])
    }

    @Test func timemlOutputAnchorsOnTheDateOption() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("story.txt")
        try "The vote took place on Monday. Work starts next month & ends <soon>.".write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("tml")
        let result = try CLI.run(["annotate", "-q", "--pipeline", "news", "--format", "timeml", "--date", "2024-11-20",
                                  "-o", output.path, input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let tml = try String(contentsOf: output.appendingPathComponent("story.tml"), encoding: .utf8)
        #expect(tml.contains("functionInDocument=\"CREATION_TIME\">2024-11-20</TIMEX3>"))
        #expect(tml.contains("value=\"2024-11-18\">Monday</TIMEX3>"))
        #expect(tml.contains("value=\"2024-12\">next month</TIMEX3>"))
        #expect(tml.contains("&amp; ends &lt;"))
        let bad = try CLI.run(["annotate", "--date", "20/11/2024", input.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--date expects YYYY-MM-DD"))
    }
}
