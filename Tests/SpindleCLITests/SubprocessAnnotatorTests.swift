import Foundation
import Testing

@Suite(.serialized) struct SubprocessAnnotatorTests {
    func pipeline(in folder: URL, faults: Bool, timeout: Double = 5) throws -> URL {
        let script = CLI.repository.appendingPathComponent("examples/subprocess/shouting.py").path
        let arguments = faults ? "[python3, \(script), --test-faults]" : "[python3, \(script)]"
        let file = folder.appendingPathComponent("shout.yaml")
        try """
        annotators:
          - tokenize
          - external:
              command: \(arguments)
              requires: [tokens]
              provides: [shouting]
              timeout: \(timeout)
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aProgramJoinsThePipelineThroughJSONLines() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = "{\"id\": \"a\", \"text\": \"We said NO to the “NEW” plan — 😀 OK?\"}\n"
        let result = try CLI.run(["annotate", "-q", "--pipeline", try pipeline(in: folder, faults: false).path, "-"],
                                 stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let shouting = result.lines.first?["shouting"] as? [[String: Any]]
        #expect(shouting?.compactMap { $0["text"] as? String } == ["NO", "NEW", "OK"])
    }

    @Test func crashesHangsAndGarbageFailOneDocumentEach() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = ["fine ONE", "then CRASH", "fine TWO", "a HANG here", "fine THREE", "GARBAGE out", "fine FOUR"]
        let input = texts.enumerated().map { "{\"id\": \"d\($0.offset)\", \"text\": \"\($0.element)\"}" }.joined(separator: "\n")
        // The timeout also covers a restarted child's start-up (Python's), which takes over a second on a busy machine.
        let result = try CLI.run(["annotate", "--jobs", "1", "--pipeline", try pipeline(in: folder, faults: true, timeout: 3).path, "-"],
                                 stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.lines.map { $0["id"] as? String } == ["d0", "d2", "d4", "d6"])
        #expect(result.stderr.contains("[d1]") && result.stderr.contains("exited with status 3"))
        #expect(result.stderr.contains("crashing on purpose"))
        #expect(result.stderr.contains("[d3]") && result.stderr.contains("gave no reply within 3.0 s"))
        #expect(result.stderr.contains("[d5]") && result.stderr.contains("malformed reply"))
    }

    @Test func aMissingProgramIsReportedWhenThePipelineLoads() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("missing.yaml")
        try "annotators:\n  - tokenize\n  - external:\n      command: [no-such-annotator-program]\n      provides: [x]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["annotate", "--pipeline", file.path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("`external`"))
        #expect(result.stderr.contains("no-such-annotator-program"))
    }

    func externalPipeline(in folder: URL, command: String, provides: String, timeout: Double, before: String = "") throws -> String {
        let file = folder.appendingPathComponent("external.yaml")
        try "annotators:\n\(before)  - external:\n      command: \(command)\n      provides: [\(provides)]\n      timeout: \(timeout)\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Issue 19.3: the timeout did not cover writing the document, so `cat` (which answers while it is
    /// still being written to) or a child that never reads hung the batch forever on a document over
    /// 64 KiB; and a child that ignored SIGTERM, or its own children, were left running.
    @Test func bigDocumentsNeitherDeadlockNorOutliveTheTimeoutAndNoChildIsLeftBehind() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = String(repeating: "All quiet on the harbor front today. ", count: 8000)  // about 300 KB
        let input = folder.appendingPathComponent("big.jsonl")
        try "{\"id\": \"big\", \"text\": \"\(big)\"}\n".write(to: input, atomically: true, encoding: .utf8)

        // `cat` echoes the document, tokens included: a valid reply providing tokens.
        var pipeline = try externalPipeline(in: folder, command: "[cat]", provides: "tokens", timeout: 20, before: "  - tokenize\n")
        var result = try CLI.run(["annotate", "-q", "--pipeline", pipeline, input.path], timeout: 60)
        #expect(!result.timedOut, "cat on a big document deadlocked")
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect((result.lines.first?["tokens"] as? [Any])?.count == 64000)

        // A child that never reads its input, ignores SIGTERM and has started a program of its own.
        let pids = folder.appendingPathComponent("pids").path
        let script = "trap '' TERM; echo $$ >> \(pids); sleep 1000 & echo $! >> \(pids); wait"
        pipeline = try externalPipeline(in: folder, command: "[sh, -c, \"\(script)\"]", provides: "x", timeout: 1)
        let started = Date()
        result = try CLI.run(["annotate", "-q", "--pipeline", pipeline, input.path], timeout: 60)
        #expect(!result.timedOut, "a child that does not read hung the batch")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[big]") && result.stderr.contains("did not read the document within 1.0 s"), "\(result.stderr)")
        let started2 = try String(contentsOfFile: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        #expect(started2.count >= 2)
        for pid in started2 {
            // Gone, or a zombie waiting for init (whose parent, the child, was killed): not running.
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            #expect(stat.isEmpty || state == "Z" || state == "X", "process \(pid) was left running: \(stat)")
        }
    }

    /// Issue 19.3: replies were not matched to their documents (an extra line shifted every later reply)
    /// and their spans were not checked.
    @Test func repliesAreMatchedToTheirDocumentsAndTheirSpansChecked() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("marks.py")
        try """
        import json, sys
        for line in sys.stdin:
            doc = json.loads(line)
            text, n = doc["text"], len(doc["text"])
            good = json.dumps({"id": doc["id"], "marks": [{"start": 0, "end": 4, "text": text[:4]}]})
            if "TWICE" in text:
                sys.stdout.write(good + "\\n" + good + "\\n")
            elif "WRONGID" in text:
                sys.stdout.write(json.dumps({"id": "someone-else", "marks": []}) + "\\n")
            elif "OUTSIDE" in text:
                sys.stdout.write(json.dumps({"marks": [{"start": 0, "end": n + 5}]}) + "\\n")
            elif "UNSORTED" in text:
                sys.stdout.write(json.dumps({"marks": [{"start": 2, "end": 3}, {"start": 0, "end": 1}]}) + "\\n")
            elif "NESTED" in text:
                sys.stdout.write(json.dumps({"marks": [{"start": 0, "end": 1, "head": {"start": -3, "end": 1}}]}) + "\\n")
            else:
                sys.stdout.write(good + "\\n")
            sys.stdout.flush()
        """.write(to: script, atomically: true, encoding: .utf8)
        let texts = ["good one", "TWICE here", "good two", "WRONGID", "good three", "OUTSIDE", "UNSORTED", "NESTED", "good four"]
        let input = folder.appendingPathComponent("in.jsonl")
        try texts.enumerated().map { "{\"id\": \"d\($0.offset)\", \"text\": \"\($0.element)\"}" }.joined(separator: "\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let pipeline = try externalPipeline(in: folder, command: "[python3, \(script.path)]", provides: "marks", timeout: 10)
        let result = try CLI.run(["annotate", "--jobs", "1", "--pipeline", pipeline, input.path], timeout: 120)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.lines.map { $0["id"] as? String } == ["d0", "d2", "d4", "d8"], "\(result.stderr)")
        for line in result.lines {
            let marks = line["marks"] as? [[String: Any]]
            #expect(marks?.first?["text"] as? String == (line["text"] as? String).map { String($0.prefix(4)) })
        }
        #expect(result.stderr.contains("[d1]") && result.stderr.contains("more than one line"), "\(result.stderr)")
        #expect(result.stderr.contains("[d3]") && result.stderr.contains("not d3"), "\(result.stderr)")
        #expect(result.stderr.contains("[d5]") && result.stderr.contains("outside the text"), "\(result.stderr)")
        #expect(result.stderr.contains("[d6]") && result.stderr.contains("not sorted"), "\(result.stderr)")
        #expect(result.stderr.contains("[d7]") && result.stderr.contains("outside the text"), "\(result.stderr)")
    }
}
