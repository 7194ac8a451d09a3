import Foundation
import Spindle
import SpindleBatch
import Testing

/// Fails on documents whose text contains "POISON", to test that one bad document never stops a batch.
struct Poisoned: Annotator {
    var requires: Set<LayerName> { [.tokens] }
    var provides: Set<LayerName> { [] }
    func annotate(_ document: inout Document) throws {
        if document.text.contains("POISON") { throw AnnotationError("poisoned text") }
    }
}

func corpus(_ count: Int, poisonEvery: Int = 0) -> String {
    (0..<count).map { number in
        let text = poisonEvery > 0 && number % poisonEvery == poisonEvery - 1
            ? "This one is POISON."
            : "Story \(number) says the council met on day \(number). “It went well,” the clerk said."
        return "{\"id\": \"doc-\(number)\", \"text\": \"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"}"
    }.joined(separator: "\n") + "\n"
}

func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
}

@Suite struct BatchRunnerTests {
    let pipeline = try! Pipeline(Tokenizer(), SentenceSplitter(), Poisoned())

    func run(input: URL, output: URL, jobs: Int, resume: Bool = false, stopAfter: Int? = nil) throws -> (BatchProgress, [BatchFailure]) {
        var sink = try JSONLinesSink(path: output.path, resume: resume)
        var failures: [BatchFailure] = []
        let counter = Counter()
        let runner = BatchRunner(pipeline: pipeline, options: BatchOptions(jobs: jobs, resume: resume))
        let progress = try runner.run(reader: InputReader(inputs: [input.path]), sink: &sink,
                                      isCancelled: { stopAfter.map { counter.next() > $0 } ?? false }) { event in
            if case .failure(let failure) = event { failures.append(failure) }
        }
        return (progress, failures)
    }

    @Test func parallelOutputIsInInputOrderAndEqualsSerialOutput() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(300).write(to: input, atomically: true, encoding: .utf8)
        _ = try run(input: input, output: folder.appendingPathComponent("one.jsonl"), jobs: 1)
        let (progress, _) = try run(input: input, output: folder.appendingPathComponent("four.jsonl"), jobs: 4)
        #expect(progress.succeeded == 300)
        let serial = try Data(contentsOf: folder.appendingPathComponent("one.jsonl"))
        let parallel = try Data(contentsOf: folder.appendingPathComponent("four.jsonl"))
        #expect(serial == parallel)
        let ids = String(decoding: parallel, as: UTF8.self).split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<300).map { "doc-\($0)" })
    }

    @Test func aFailingDocumentIsReportedAndTheBatchGoesOn() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try (corpus(50, poisonEvery: 10) + "{not json}\n").write(to: input, atomically: true, encoding: .utf8)
        let (progress, failures) = try run(input: input, output: folder.appendingPathComponent("out.jsonl"), jobs: 2)
        #expect(progress.succeeded == 45)
        #expect(progress.failed == 6)
        #expect(failures.filter { $0.reason.contains("poisoned text") }.map(\.id) == ["doc-9", "doc-19", "doc-29", "doc-39", "doc-49"])
        #expect(failures.contains { $0.source.hasSuffix("in.jsonl:51") && $0.reason.contains("malformed JSON") })
    }

    @Test func anInterruptedRunResumedGivesTheSameOutputAsAnUninterruptedOne() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(400).write(to: input, atomically: true, encoding: .utf8)
        let whole = folder.appendingPathComponent("whole.jsonl")
        _ = try run(input: input, output: whole, jobs: 2)

        let resumed = folder.appendingPathComponent("resumed.jsonl")
        let (first, _) = try run(input: input, output: resumed, jobs: 2, stopAfter: 150)
        #expect(first.interrupted)
        #expect(first.succeeded > 0 && first.succeeded < 400)
        let partial = try String(contentsOf: resumed, encoding: .utf8).split(separator: "\n")
        #expect(partial.count == first.succeeded)
        let (second, _) = try run(input: input, output: resumed, jobs: 2, resume: true)
        #expect(second.skipped == first.succeeded)
        #expect(second.succeeded == 400 - first.succeeded)
        #expect(try Data(contentsOf: resumed) == Data(contentsOf: whole))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func resumeIntoAFolderSkipsFinishedFiles() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(20).write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out").path
        let runner = BatchRunner(pipeline: pipeline, options: BatchOptions(jobs: 2, resume: true))
        var sink = try FolderSink(folder: output)
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: output + "/doc-3.json"))
        let progress = try runner.run(reader: InputReader(inputs: [input.path]), sink: &sink) { _ in }
        #expect(progress.skipped == 1)
        #expect(progress.succeeded == 19)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).count == 20)
    }

    @Test func documentsOverTheCharacterLimitFail() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try corpus(3).write(to: input, atomically: true, encoding: .utf8)
        var sink = try JSONLinesSink(path: folder.appendingPathComponent("out.jsonl").path)
        var failures: [BatchFailure] = []
        let runner = BatchRunner(pipeline: pipeline, options: BatchOptions(jobs: 1, maxCharacters: 10))
        let progress = try runner.run(reader: InputReader(inputs: [input.path]), sink: &sink) { event in
            if case .failure(let failure) = event { failures.append(failure) }
        }
        #expect(progress.failed == 3)
        #expect(failures.allSatisfy { $0.reason.contains("--max-chars 10") })
    }

    @Test func gzipInputIsReadLikePlainJSONL() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("in.jsonl")
        try corpus(30).write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c '\(plain.path)' > '\(plain.path).gz'"]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        _ = try run(input: plain, output: folder.appendingPathComponent("a.jsonl"), jobs: 1)
        _ = try run(input: URL(fileURLWithPath: plain.path + ".gz"), output: folder.appendingPathComponent("b.jsonl"), jobs: 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.jsonl")) == Data(contentsOf: folder.appendingPathComponent("b.jsonl")))
    }

    /// Issue 19.2: an id over 255 UTF-8 bytes, or a folder where an output file goes, stopped the whole
    /// batch; now the long id is cut by bytes and the blocked document alone fails.
    @Test func aLongIdOrAFolderInTheWayFailsOneDocumentNotTheBatch() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "東", count: 100)  // 300 bytes in UTF-8, 100 characters
        let input = folder.appendingPathComponent("in.jsonl")
        try (corpus(3) + #"{"id": "\#(long)", "text": "Long id."}"# + "\n" + #"{"id": "blocked", "text": "Blocked."}"# + "\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: output + "/blocked.json", withIntermediateDirectories: true)
        func annotate(resume: Bool) throws -> (BatchProgress, [BatchFailure]) {
            var sink = try FolderSink(folder: output)
            var failures: [BatchFailure] = []
            let runner = BatchRunner(pipeline: pipeline, options: BatchOptions(jobs: 2, resume: resume))
            let progress = try runner.run(reader: InputReader(inputs: [input.path]), sink: &sink) { event in
                if case .failure(let failure) = event { failures.append(failure) }
            }
            return (progress, failures)
        }
        let (progress, failures) = try annotate(resume: false)
        #expect(progress.succeeded == 4)
        #expect(progress.failed == 1)
        #expect(failures.map(\.id) == ["blocked"])
        #expect(failures.first?.reason.contains("folder") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: output)
        let cut = try #require(files.first { $0.hasPrefix("東") })
        #expect(cut.utf8.count <= 255)
        #expect(cut == String(repeating: "東", count: 66) + ".json")
        // The cut name is the one resume looks for.
        let (again, _) = try annotate(resume: true)
        #expect(again.skipped == 4)
        #expect(again.failed == 1)
        #expect(FolderSink.fileName(for: "a" + String(repeating: "😀", count: 60)).utf8.count == 197)
    }

    /// Issue 19.5/19.7: resume reads the earlier JSONL output a line at a time, cuts a torn last line and
    /// appends after the kept ones (rewriting the file only when a bad line sits between good ones).
    @Test func resumeKeepsCompleteLinesAndCutsATornTail() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.jsonl").path
        let a = #"{"id":"a","text":"A."}"#, b = #"{"id":"b","text":"B."}"#, next = #"{"id":"n","text":"N."}"#
        for (existing, kept) in [(a + "\n" + b + "\n" + #"{"id":"c","te"#, a + "\n" + b + "\n"),
                                 (a + "\nnot json\n" + b + "\n" + #"{"id""#, a + "\n" + b + "\n"),
                                 ("", "")] {
            try existing.write(toFile: path, atomically: true, encoding: .utf8)
            var sink = try JSONLinesSink(path: path, resume: true)
            #expect(try sink.completedIDs() == (kept.isEmpty ? [] : ["a", "b"]))
            try sink.write(Array(next.utf8), id: "n")
            try sink.finish()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == kept + next + "\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
    }
}
