import Foundation
import Testing

/// Runs the built `spindle` executable as a user would and checks what it prints and writes.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The test binary sits in the build folder next to the `spindle` product.
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("spindle")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/spindle")
    }()

    struct Result {
        var status: Int32
        /// Set when the run outlived the `timeout` given to `run` and was killed.
        var timedOut = false
        var stdout: String
        var stderr: String
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// Runs `spindle`; with `timeout`, a run still going after that many seconds is killed (`timedOut`).
    static func run(_ arguments: [String], stdin: Data? = nil, in folder: URL? = nil, timeout: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? repository
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let killed = KillFlag()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if killed.timeoutFired() { kill(pid, SIGKILL) }
            }
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read standard error on a GCD thread, never on Swift's cooperative pool: tests run there, and
        // blocking its few threads while a task waits for one deadlocks on a 2-core machine.
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = killed.processExited()
        done.wait()
        return Result(status: process.terminationStatus, timedOut: timedOut, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: box.data, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable { var data = Data() }

/// Whether a run was killed by its timeout or ended by itself, whichever came first.
private final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var exited = false
    private var killed = false

    /// True when the run has not ended yet: the caller kills it.
    func timeoutFired() -> Bool { lock.withLock { exited ? false : { killed = true; return true }() } }

    /// Whether the timeout came first.
    func processExited() -> Bool { lock.withLock { exited = true; return killed } }
}

/// Runs a bash command in `folder`, with standard output and error together.
func shell(_ command: String, in folder: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// Builds a package from `examples/NAME` as its own package, in a copy outside this checkout whose
/// Spindle dependency points here. Every nested build shares one scratch folder, so Spindle's modules
/// are compiled once for all of them (SwiftPM takes a lock on it: builds that overlap wait in turn).
func buildExample(_ name: String, in folder: URL) throws -> (package: URL, products: URL) {
    let example = folder.appendingPathComponent(name)
    let copied = try shell("cp -R '\(CLI.repository.path)/examples/\(name)' '\(example.path)'", in: folder)
    try #require(copied.status == 0, "\(copied.output)")
    let manifest = example.appendingPathComponent("Package.swift")
    let text = try String(contentsOf: manifest, encoding: .utf8)
        .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(CLI.repository.path)\"")
    try text.write(to: manifest, atomically: true, encoding: .utf8)
    let scratch = CLI.repository.appendingPathComponent(".build/nested-packages")
    let built = try shell("swift build --scratch-path '\(scratch.path)' 2>&1", in: example)
    try #require(built.status == 0, "\(built.output.suffix(3000))")
    return (example, scratch.appendingPathComponent("debug"))
}

func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Checks `text[start:end] == span text` for every span of the built-in layers, in scalars.
func expectExactSpans(_ object: [String: Any]) {
    guard let text = object["text"] as? String else { Issue.record("no text"); return }
    let scalars = Array(text.unicodeScalars)
    for layer in ["tokens", "sentences"] {
        for span in object[layer] as? [[String: Any]] ?? [] {
            let start = span["start"] as! Int, end = span["end"] as! Int
            #expect(span["text"] as? String == String(String.UnicodeScalarView(scalars[start..<end])))
        }
    }
}

@Suite(.serialized) struct CLITests {
    @Test func annotatesTheShippedSample() throws {
        let result = try CLI.run(["annotate", "samples/harbor-bridge-vote.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = result.lines
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        #expect(document["id"] as? String == "harbor-bridge-vote")
        let sentences = try #require(document["sentences"] as? [[String: Any]])
        #expect(sentences.count >= 12)
        #expect(sentences.first?["text"] as? String == "Harbor bridge vote splits Calderport council")
        let tokens = (document["tokens"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(tokens.contains("U.S."))
        #expect(tokens.contains("https://calderport.example.gov/eastgate"))
        #expect(tokens.contains("bridge@calderport.example.gov"))
        expectExactSpans(document)
    }

    @Test func theNewsPipelineAttributesTheSamplesQuotes() throws {
        let result = try CLI.run(["annotate", "--pipeline", "news", "samples/harbor-bridge-vote.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(result.lines.first)
        let text = Array((document["text"] as? String ?? "").unicodeScalars)
        let speakers = (document["quotes"] as? [[String: Any]] ?? []).map { quote in
            (quote["speaker"] as? [String: Any])?["canonical"] as? String
        }
        #expect(speakers == ["Elena Ruiz", "Elena Ruiz", "Elena Ruiz", "David O'Neill", "David O'Neill"])
        for quote in document["quotes"] as? [[String: Any]] ?? [] {
            let start = quote["start"] as? Int ?? 0, end = quote["end"] as? Int ?? 0
            #expect(String(String.UnicodeScalarView(text[start..<end])) == quote["text"] as? String)
        }
    }

    @Test func evalQuotesScoresTheShippedGold() throws {
        let result = try CLI.run(["eval", "quotes", "gold/quotes-news.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        // The shipped rules score 100 / 100 here; a change that loses quotes or speakers fails this.
        let f1 = result.stdout.firstMatch(of: /F1 ([0-9.]+)/).flatMap { Double($0.1) } ?? 0
        let accuracy = result.stdout.firstMatch(of: /speaker accuracy ([0-9.]+)%/).flatMap { Double($0.1) } ?? 0
        #expect(f1 >= 95, "\(result.stdout)")
        #expect(accuracy >= 90, "\(result.stdout)")
    }

    @Test func jsonlOnStandardInKeepsMetadataAndOrder() throws {
        let input = """
        {"id": "b", "text": "Second comes first here.", "date": "2024-02-29", "desk": "metro"}
        {"id": "a", "text": "“Curly” quotes — and 😀 emoji, 東京も。"}
        """
        // `-o -` is standard output, as `-` is standard input: no file named "-" is written.
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["annotate", "-", "--format", "jsonl", "-o", "-"], stdin: Data(input.utf8), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        let documents = result.lines
        #expect(documents.map { $0["id"] as? String } == ["b", "a"])
        let metadata = documents.first?["metadata"] as? [String: Any]
        #expect(metadata?["date"] as? String == "2024-02-29")
        #expect(metadata?["desk"] as? String == "metro")
        documents.forEach(expectExactSpans)
    }

    @Test func jsonFormatWritesOneFilePerDocument() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["annotate", "--format", "json", "-o", output.path, "samples/"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["calderport-001.json", "calderport-002.json", "harbor-bridge-vote.json"])
    }

    @Test func badInputsAreReportedAndTheRestIsAnnotated() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Array("Caf".utf8) + [0xE9] + Array(" au lait. Next one.".utf8)).write(to: folder.appendingPathComponent("latin1.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0xEF, 0xBB, 0xBF] + Array("With a BOM.\r\nAnd CRLF.\r\n".utf8)).write(to: folder.appendingPathComponent("windows.txt"))
        try "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{broken\n".write(to: folder.appendingPathComponent("lines.jsonl"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["annotate", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.txt: warning: invalid UTF-8 at byte offset 3"))
        #expect(result.stderr.contains("lines.jsonl:2: malformed JSON line"))
        #expect(result.stderr.contains("annotated 4 documents, 1 failed"))
        let documents = result.lines
        #expect(documents.map { $0["id"] as? String } == ["empty", "latin1", "ok", "windows"])
        #expect((documents[0]["tokens"] as? [Any])?.isEmpty == true)
        #expect(documents[3]["text"] as? String == "With a BOM.\r\nAnd CRLF.\r\n")
        #expect((documents[3]["sentences"] as? [Any])?.count == 2)
        documents.forEach(expectExactSpans)
    }

    @Test func aLargeDocumentIsAnnotatedWhole() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paragraph = "The port authority said on Friday that cargo volumes rose 4.5% in March. “We’re busy,” a spokeswoman said.\n\n"
        let text = String(repeating: paragraph, count: 40_000)
        try text.write(to: folder.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("big.jsonl")
        let result = try CLI.run(["annotate", "-o", output.path, folder.appendingPathComponent("big.txt").path])
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: output.path)
        #expect((attributes[.size] as? Int ?? 0) > text.utf8.count)
    }

    @Test func pipelineErrorsNameFileLineAndFix() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try "annotators:\n  - tokenize\n  - sentense\n".write(to: bad, atomically: true, encoding: .utf8)
        var result = try CLI.run(["annotate", "--pipeline", bad.path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:3:5: unknown annotator `sentense`; did you mean `sentences`?"))

        try "annotators:\n  - tokenize\n   - sentences\n".write(to: bad, atomically: true, encoding: .utf8)
        result = try CLI.run(["annotate", "--pipeline", bad.path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:2:5: expected one annotator name per `- ` line"))

        try "annotators:\n  - tokenize:\n      locale: [en\n".write(to: bad, atomically: true, encoding: .utf8)
        result = try CLI.run(["annotate", "--pipeline", bad.path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:4:1: YAML syntax error"))

        result = try CLI.run(["annotate", "--pipeline", "defualt", "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean `default`?"))

        result = try CLI.run(["annotate", "no/such/file.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.txt does not exist"))
    }

    @Test func listsAnnotatorsAndPipelines() throws {
        let annotators = try CLI.run(["annotators"])
        #expect(annotators.status == 0)
        #expect(annotators.stdout.contains("tokenize"))
        #expect(annotators.stdout.contains("requires: tokens"))
        #expect(annotators.stdout.contains("splitClitics: true"))
        let pipelines = try CLI.run(["pipelines"])
        #expect(pipelines.stdout.contains("default"))
        #expect(pipelines.stdout.contains("tokenize → sentences"))
    }
}
