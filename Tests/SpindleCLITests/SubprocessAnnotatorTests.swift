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
}
