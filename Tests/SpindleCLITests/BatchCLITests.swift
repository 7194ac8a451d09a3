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

    /// Issue 19.5: JSONL output went to a hidden temporary file renamed into place at the end, so SIGKILL
    /// (or a second Ctrl-C, or a full disk) lost every finished document. Now they are appended as they
    /// finish, and `--resume` continues from them.
    @Test func killedRunsKeepFinishedDocumentsAndResumeCompletesThem() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(6000).write(to: input, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole.jsonl")
        let reference = try CLI.run(["annotate", "-q", "--jobs", "2", "-o", whole.path, input.path])
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = try Data(contentsOf: whole)

        let output = folder.appendingPathComponent("out.jsonl")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["annotate", "-q", "--jobs", "2", "-o", output.path, input.path]
        process.currentDirectoryURL = CLI.repository
        try process.run()
        // Wait (polling the file, with a deadline) until some documents are in the output, then SIGKILL.
        let deadline = Date().addingTimeInterval(120)
        func lineCount() -> Int { ((try? Data(contentsOf: output)) ?? Data()).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        while process.isRunning, lineCount() < 50, Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try Data(contentsOf: output)
        #expect(partial.count > 0)
        if process.terminationReason == .uncaughtSignal {
            // Complete lines, in input order: a prefix of the uninterrupted output (the last line may be cut).
            let complete = partial.prefix(through: partial.lastIndex(of: 0x0A) ?? -1)
            #expect(complete.count > 0 && complete.count < expected.count)
            #expect(expected.starts(with: complete))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
        let resumed = try CLI.run(["annotate", "-q", "--resume", "-o", output.path, input.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: output) == expected)
    }

    /// Issue 19.5: an output that cannot be written any further (here: a file size limit, like a full disk)
    /// keeps what was written, exits 1 rather than 2 ("nothing ran"), and `--resume` completes it.
    @Test func aFullDiskKeepsWhatWasWrittenAndDoesNotExitAsIfNothingRan() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(400).write(to: input, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole.jsonl")
        #expect(try CLI.run(["annotate", "-q", "-o", whole.path, input.path]).status == 0)
        let output = folder.appendingPathComponent("out.jsonl")
        // EFBIG past 512 KiB instead of SIGXFSZ (ignored signals stay ignored across exec).
        let limited = try shell("trap '' XFSZ; ulimit -f 512; exec '\(CLI.binary.path)' annotate -q -o '\(output.path)' '\(input.path)'",
                                in: CLI.repository)
        #expect(limited.status == 1, "\(limited.output)")
        #expect(limited.output.contains("cannot write output") && limited.output.contains("--resume"), "\(limited.output)")
        let written = try Data(contentsOf: output)
        #expect(written.count > 400_000 && written.count <= 512 * 1024)
        let resumed = try CLI.run(["annotate", "-q", "--resume", "-o", output.path, input.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: output) == Data(contentsOf: whole))
    }

    /// Issue 19.7: `-o` naming an input file silently replaced it; `--jobs 100000` hung.
    @Test func anOutputThatIsAnInputIsRefusedAndHugeJobCountsAreClamped() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        let text = corpus(5)
        try text.write(to: input, atomically: true, encoding: .utf8)
        // The same file under another spelling, and through a symbolic link.
        let link = folder.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        for output in [folder.path + "/./in.jsonl", link.path] {
            let result = try CLI.run(["annotate", "-o", output, input.path], timeout: 60)
            #expect(result.status == 2)
            #expect(result.stderr.contains("is the input"), "\(result.stderr)")
            #expect(try String(contentsOf: input, encoding: .utf8) == text)
        }
        let result = try CLI.run(["annotate", "--jobs", "100000", input.path], timeout: 60)
        #expect(!result.timedOut, "--jobs 100000 hung")
        #expect(result.status == 0)
        #expect(result.lines.count == 5)
        #expect(result.stderr.contains("using 256"), "\(result.stderr)")
    }

    /// Issue 18: usage errors exited 64 (ArgumentParser's EX_USAGE) while README and --help promise 2;
    /// `-o out.jsonl.gz` wrote plain text under a gzip name.
    @Test func usageErrorsExit2AndGzipOutputIsRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(2).write(to: input, atomically: true, encoding: .utf8)
        for arguments in [["annotate", "--no-such-option", input.path], ["annotate", "--jobs", "0", input.path],
                          ["annotate", "--date", "tomorrow", input.path], ["no-such-command"]] {
            let result = try CLI.run(arguments, timeout: 60)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"), "\(result.stderr)")
        }
        let gzip = folder.appendingPathComponent("out.jsonl.gz")
        let result = try CLI.run(["annotate", "-o", gzip.path, input.path], timeout: 60)
        #expect(result.status == 2)
        #expect(result.stderr.contains("gzip >"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: gzip.path))
        #expect(try CLI.run(["--help"]).status == 0)
    }
}
