import ArgumentParser
import Foundation
import Spindle

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a pipeline's speed on one thread, next to raw ICU and spaCy on the same text.",
        discussion: """
        Generates about --size-mb MB (10^6 bytes of UTF-8) of news-like articles of 3-5 KB each (or reads \
        --input), then times, on one thread and in the same run: the pipeline's annotate over every \
        document (no output is written); ICU's word-break iterator alone over the same documents; ICU's \
        sentence-break iterator alone; and, when a Python with spaCy is found, spaCy's blank English \
        tokenizer plus sentencizer (scripts/bench_spacy.py). Each figure is the best of --repeat runs. \
        Build with -c release: a debug build is many times slower.
        Ratios compare times on the same text, so they do not depend on what each side counts as a token.
        """
    )

    @Option(name: .long, help: "Pipeline name (pipelines/NAME.yaml) or path to a pipeline file.")
    var pipeline = "default"

    @Option(name: .customLong("size-mb"), help: "Megabytes (10^6 bytes of UTF-8) of text to generate, or to reach by cycling --input.")
    var sizeMB: Double = 12

    @Option(name: .long, help: "Benchmark this text instead: a .jsonl file ({\"text\": …} per line) or plain text, cut into ~4 KB documents at blank lines.")
    var input: String?

    @Option(name: .customLong("repeat"), help: "Runs of each measurement; the fastest counts.")
    var repeats = 3

    @Option(name: .long, help: "Seed of the text generator.")
    var seed: UInt64 = 20_261_124

    @Option(name: .long, help: "A Python with spaCy installed (default: .venv-bench/bin/python when present).")
    var spacy: String?

    @Flag(name: .customLong("no-spacy"), help: "Skip spaCy even when it is installed.")
    var noSpacy = false

    @Flag(name: .customLong("no-icu-baseline"), help: "Skip the raw ICU measurements.")
    var noICUBaseline = false

    @Option(name: .customLong("save-text"), help: "Also write the benchmark documents to this JSONL file.")
    var saveText: String?

    @Flag(name: .customLong("append-noop"), help: "Add an in-process annotator that does nothing, to measure per-step overhead.")
    var appendNoop = false

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard sizeMB > 0 else { throw ValidationError("--size-mb must be positive") }
    }

    func run() throws {
        var loaded: Pipeline
        do { loaded = try Spindle.pipeline(pipeline) } catch { throw fail("\(error)") }
        if appendNoop {
            loaded = try Pipeline(name: loaded.name, steps: loaded.steps + [.init(name: "noop", annotator: NoOpAnnotator())])
        }
        let texts = try documents()
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let ids = texts.indices.map { "bench-\($0)" }

        #if DEBUG
        printError("warning: this is a debug build; build with `swift build -c release` for meaningful figures")
        #endif
        print("spindle bench: pipeline `\(loaded.name)` (\(loaded.steps.map(\.name).joined(separator: ", "))), "
              + "\(texts.count) documents, \(decimal(bytes)) bytes (avg \(decimal(bytes / max(texts.count, 1))) per document)")
        print("one thread, best of \(repeats); ICU \(spindleICUVersion); \(ProcessInfo.processInfo.activeProcessorCount) cores; "
              + "load average \(loadAverage()) before")

        // Runs alternate between the measurements so a burst of load elsewhere on the machine hurts all
        // of them alike instead of one.
        var rows: [Row] = []
        var best: [String: (Timing, Int)] = [:]
        for _ in 0..<repeats {
            let (pipelineTime, tokens) = try time { try annotateAll(texts, ids: ids, with: loaded) }
            keep(&best, "pipeline", pipelineTime, tokens)
            if !noICUBaseline {
                let (wordTime, words) = try time { try icuWordBreakCounts(texts).words }
                keep(&best, "icu-word", wordTime, words)
                let (sentenceTime, sentences) = try time { try icuSentenceBreakCounts(texts).segments }
                keep(&best, "icu-sentence", sentenceTime, sentences)
            }
        }
        let pipelineRSS = peakRSS()
        rows.append(Row(name: "spindle `\(loaded.name)`", unit: "tokens", count: best["pipeline"]!.1,
                        timing: best["pipeline"]!.0, bytes: bytes))
        for (index, step) in try stepTimes(texts, ids: ids, with: loaded).enumerated() {
            rows.append(Row(name: "  \(index == 0 ? "of which" : "        ") \(step.name)", unit: "", count: nil,
                            timing: step.timing, bytes: bytes))
        }
        if case let (timing, count)? = best["icu-word"] {
            rows.append(Row(name: "raw ICU word break", unit: "words", count: count, timing: timing, bytes: bytes))
        }
        if case let (timing, count)? = best["icu-sentence"] {
            rows.append(Row(name: "raw ICU sentence break", unit: "sentences", count: count, timing: timing, bytes: bytes))
        }
        var spacyRow: Row?
        if let python = spacyPython() {
            if let (row, note) = try runSpacy(python: python, texts: texts, bytes: bytes) {
                spacyRow = row
                rows.append(row)
                print(note)
            }
        }
        if let saveText { try writeJSONLines(texts, to: saveText) }

        print()
        printTable(rows)
        print()
        let pipelineRow = rows[0]
        var verdicts: [String] = []
        let perSecond = Double(pipelineRow.count!) / pipelineRow.timing.wall
        let perCPUSecond = Double(pipelineRow.count!) / pipelineRow.timing.cpu
        verdicts.append("≥ 5 M tokens/s: \(perSecond >= 5e6 ? "yes" : "NO") (\(millions(perSecond)); "
                        + "\(millions(perCPUSecond)) per CPU second)")
        if let icu = rows.first(where: { $0.unit == "words" }) {
            let ratio = icu.timing.wall / pipelineRow.timing.wall
            let perUnit = perSecond / (Double(icu.count!) / icu.timing.wall)
            print("pipeline / raw ICU word break: \(fixed(ratio, 2))× the speed on the same text "
                  + "(\(fixed(icu.timing.cpu / pipelineRow.timing.cpu, 2))× by CPU time; "
                  + "tokens/s ÷ ICU words/s = \(fixed(perUnit, 2)))")
            verdicts.append("≥ 0.5× raw ICU: \(ratio >= 0.5 ? "yes" : "NO")")
            // tokenize + sentences runs both iterators, so this is the floor it could reach on ICU alone.
            if let sentences = rows.first(where: { $0.unit == "sentences" }) {
                let both = (icu.timing.wall + sentences.timing.wall) / pipelineRow.timing.wall
                let bothCPU = (icu.timing.cpu + sentences.timing.cpu) / pipelineRow.timing.cpu
                print("pipeline / raw ICU word + sentence break: \(fixed(both, 2))× the speed on the same text "
                      + "(\(fixed(bothCPU, 2))× by CPU time)")
            }
        }
        if let spacyRow {
            let ratio = spacyRow.timing.wall / pipelineRow.timing.wall
            let perUnit = perSecond / (Double(spacyRow.count!) / spacyRow.timing.wall)
            print("pipeline / spaCy: \(fixed(ratio, 2))× the speed on the same text "
                  + "(\(fixed(spacyRow.timing.cpu / pipelineRow.timing.cpu, 2))× by CPU time; "
                  + "tokens/s ÷ spaCy non-space tokens/s = \(fixed(perUnit, 2)))")
            verdicts.append("≥ 5× spaCy: \(ratio >= 5 ? "yes" : "NO")")
        }
        print("peak RSS: \(pipelineRSS.map { "\($0 >> 10) MiB" } ?? "unknown") after the Swift measurements (VmHWM; "
              + "includes the \(bytes / 1_000_000) MB of text held in memory)")
        print("load average \(loadAverage()) after")
        if rows.contains(where: { $0.timing.cpu < 0.9 * $0.timing.wall }) {
            print("warning: some rows got under 90% of a core (CPU s well below best s): the machine was busy, "
                  + "so wall-clock figures are inflated; rerun when it is quiet")
        }
        print("targets: " + verdicts.joined(separator: "; "))
    }

    // MARK: - The text

    private func documents() throws -> [String] {
        let target = Int(sizeMB * 1_000_000)
        guard let input else {
            var generator = NewsTextGenerator(seed: seed)
            return generator.articles(totalBytes: target)
        }
        let read: [String]
        do {
            read = try input.hasSuffix(".jsonl") ? readJSONLTexts(input) : cutIntoDocuments(readText(input))
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail("cannot read \(input): \(error)")
        }
        guard !read.isEmpty else { throw fail("\(input) holds no text") }
        var texts = read
        var total = read.reduce(0) { $0 + $1.utf8.count }
        if total < target {
            printError("note: \(input) holds \(decimal(total)) bytes; cycling it to reach \(decimal(target))")
            var next = 0
            while total < target {
                texts.append(read[next % read.count])
                total += read[next % read.count].utf8.count
                next += 1
            }
        }
        return texts
    }

    private func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }

    private func readJSONLTexts(_ path: String) throws -> [String] {
        struct Line: Decodable { var text: String }
        let decoder = JSONDecoder()
        return try readText(path).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { line in
            try decoder.decode(Line.self, from: Data(line.utf8)).text
        }
    }

    /// Cuts plain text at blank lines into documents of about 4 KB, the size of a news article, so a long
    /// file is measured the way a batch of articles would be.
    private func cutIntoDocuments(_ text: String) -> [String] {
        var documents: [String] = []
        var current = ""
        for paragraph in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            if !current.isEmpty { current += "\n\n" }
            current += paragraph
            if current.utf8.count >= 4000 {
                documents.append(current)
                current = ""
            }
        }
        if !current.isEmpty { documents.append(current) }
        return documents
    }

    private func writeJSONLines(_ texts: [String], to path: String) throws {
        struct Line: Encodable { var text: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var output = Data()
        for text in texts {
            output.append(try encoder.encode(Line(text: text)))
            output.append(0x0A)
        }
        do { try output.write(to: URL(fileURLWithPath: path)) } catch { throw fail("cannot write \(path): \(error)") }
    }

    // MARK: - The Swift measurements

    private func annotateAll(_ texts: [String], ids: [String], with pipeline: Pipeline) throws -> Int {
        var tokens = 0
        for index in texts.indices {
            var document = Document(id: ids[index], text: texts[index])
            do { try pipeline.annotate(&document) } catch { throw fail("\(error)", code: 1) }
            tokens += document.tokens.count
        }
        return tokens
    }

    /// Each step's share of one more pass, timed per document, to show where the time goes.
    private func stepTimes(_ texts: [String], ids: [String], with pipeline: Pipeline) throws -> [(name: String, timing: Timing)] {
        var wall = [Double](repeating: 0, count: pipeline.steps.count)
        var cpu = wall
        for index in texts.indices {
            var document = Document(id: ids[index], text: texts[index])
            for (number, step) in pipeline.steps.enumerated() {
                let start = Clock.now()
                do { try step.annotator.annotate(&document) } catch { throw fail("\(step.name): \(error)", code: 1) }
                let end = Clock.now()
                wall[number] += end.wall - start.wall
                cpu[number] += end.cpu - start.cpu
            }
        }
        return pipeline.steps.indices.map { (pipeline.steps[$0].name, Timing(wall: wall[$0], cpu: cpu[$0])) }
    }

    private func time<T>(_ body: () throws -> T) rethrows -> (Timing, T) {
        let start = Clock.now()
        let result = try body()
        let end = Clock.now()
        return (Timing(wall: end.wall - start.wall, cpu: end.cpu - start.cpu), result)
    }

    /// Keeps the least wall time and, separately, the least CPU time: on a busy machine the run with the
    /// best of one need not have the best of the other.
    private func keep(_ best: inout [String: (Timing, Int)], _ key: String, _ timing: Timing, _ count: Int) {
        guard let old = best[key]?.0 else { return best[key] = (timing, count) }
        best[key] = (Timing(wall: min(old.wall, timing.wall), cpu: min(old.cpu, timing.cpu)), count)
    }

    // MARK: - spaCy

    private func spacyPython() -> String? {
        if noSpacy { return nil }
        if let spacy { return spacy }
        let venv = FileManager.default.currentDirectoryPath + "/.venv-bench/bin/python"
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        print("spaCy: skipped (no --spacy PYTHON and no .venv-bench/bin/python); to include it:")
        print("  python3 -m venv .venv-bench && .venv-bench/bin/pip install spacy")
        return nil
    }

    /// The script sits in the repository's `scripts/`; look there from the working directory and from
    /// the binary's place in `.build*/<configuration>/`.
    private func spacyScript() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            FileManager.default.currentDirectoryPath + "/scripts/bench_spacy.py",
            executable.deletingLastPathComponent().appendingPathComponent("../../scripts/bench_spacy.py").standardized.path,
            executable.deletingLastPathComponent().appendingPathComponent("../../../scripts/bench_spacy.py").standardized.path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    private func runSpacy(python: String, texts: [String], bytes: Int) throws -> (Row, String)? {
        guard let script = spacyScript() else {
            print("spaCy: skipped: cannot find scripts/bench_spacy.py (run from the repository)")
            return nil
        }
        let path = NSTemporaryDirectory() + "spindle-bench-\(ProcessInfo.processInfo.processIdentifier).jsonl"
        try writeJSONLines(texts, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path, "--repeat", "\(repeats)"]
        // Keep any numeric library spaCy loads to one thread, as the Swift side is.
        var environment = ProcessInfo.processInfo.environment
        for name in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            print("spaCy: skipped: cannot run \(python): \(error)")
            return nil
        }
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The script exits with 3 when it cannot import spaCy.
        guard process.terminationStatus != 3 else {
            print("spaCy: skipped: \(python) has no spaCy; to install it:")
            print("  python3 -m venv .venv-bench && .venv-bench/bin/pip install spacy")
            return nil
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            print("spaCy: skipped: \(python) \(script) exited with \(process.terminationStatus)")
            if !message.isEmpty { print("  " + message.split(separator: "\n").suffix(3).joined(separator: "\n  ")) }
            return nil
        }
        struct Result: Decodable {
            var tokens: Int
            var non_space_tokens: Int
            var sentences: Int
            var seconds: Double
            var cpu_seconds: Double
            var spacy: String
            var python: String
            var peak_rss_kb: Int?
        }
        let result: Result
        do { result = try JSONDecoder().decode(Result.self, from: data) } catch {
            print("spaCy: skipped: unreadable output from bench_spacy.py: \(String(decoding: data, as: UTF8.self))")
            return nil
        }
        let row = Row(name: "spaCy \(result.spacy) blank en + sentencizer", unit: "tokens", count: result.non_space_tokens,
                      timing: Timing(wall: result.seconds, cpu: result.cpu_seconds), bytes: bytes)
        let note = "spaCy \(result.spacy) on Python \(result.python): \(decimal(result.tokens)) tokens of which "
            + "\(decimal(result.non_space_tokens)) not white space (counted below), \(decimal(result.sentences)) sentences; "
            + "peak RSS \(result.peak_rss_kb.map { "\($0 >> 10) MiB" } ?? "unknown")"
        return (row, note)
    }

    // MARK: - Reporting

    private func printTable(_ rows: [Row]) {
        let nameWidth = max(rows.map(\.name.count).max() ?? 0, 4)
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        print(pad("", nameWidth, left: true) + pad("count", 12) + " " + pad("unit", 10, left: true)
              + pad("best s", 8) + pad("CPU s", 8) + pad("units/s", 11) + pad("MB/s", 8))
        for row in rows {
            let perSecond = row.count.map { millions(Double($0) / row.timing.wall) } ?? ""
            print(pad(row.name, nameWidth, left: true) + pad(row.count.map(decimal) ?? "", 12) + " "
                  + pad(row.unit, 10, left: true) + pad(fixed(row.timing.wall, 3), 8) + pad(fixed(row.timing.cpu, 3), 8)
                  + pad(perSecond, 11) + pad(fixed(Double(row.bytes) / 1e6 / row.timing.wall, 1), 8))
        }
    }
}

private struct Row {
    var name: String
    var unit: String
    var count: Int?
    var timing: Timing
    var bytes: Int
}

private struct Timing {
    var wall: Double
    var cpu: Double
}

/// Wall time and this thread's CPU time; on a shared machine the two differ when something else ran.
private enum Clock {
    static func now() -> (wall: Double, cpu: Double) {
        var wall = timespec(), cpu = timespec()
        clock_gettime(CLOCK_MONOTONIC, &wall)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        return (seconds(wall), seconds(cpu))
    }

    private static func seconds(_ time: timespec) -> Double { Double(time.tv_sec) + Double(time.tv_nsec) / 1e9 }
}

/// The process's peak resident set in KB: VmHWM on Linux, getrusage elsewhere.
private func peakRSS() -> Int? {
    #if os(Linux)
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let field = line.split(separator: " ").dropFirst().first else { return nil }
    return Int(field)
    #else
    var usage = rusage()
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
    return Int(usage.ru_maxrss) / 1024  // bytes on Darwin
    #endif
}

private func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

private func decimal(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}

private func fixed(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }

private func millions(_ perSecond: Double) -> String { fixed(perSecond / 1e6, 2) + " M/s" }

/// Does nothing: what a pipeline step costs by itself.
private struct NoOpAnnotator: Annotator {
    var requires: Set<LayerName> { [.tokens] }
    var provides: Set<LayerName> { [] }
    func annotate(_ document: inout Document) throws {}
}
