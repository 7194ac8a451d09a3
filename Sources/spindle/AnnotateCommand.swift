import ArgumentParser
import Foundation
import Spindle
import SpindleBatch

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, timeml
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate .txt files, folders, .jsonl(.gz) files, or JSONL on standard input (-).",
        discussion: """
        JSONL input lines are {"id": …, "text": …, "date": "YYYY-MM-DD", …}; keys other than id and text \
        go to metadata. A .txt file's id is its file name without extension.
        --format jsonl (the default) writes one line per document, in input order, to -o FILE or standard \
        output; --format json writes one ID.json per document into the folder -o, --format timeml one ID.tml \
        (TimeML with TIMEX3 tags, for the TempEval-3 scorer). Those files are replaced \
        atomically; a JSONL file grows as documents finish, so a stopped run keeps them for --resume. Documents are annotated on --jobs threads with one shared pipeline.
        Exit codes: 0 all documents annotated; 1 some failed (each is reported on standard error and in \
        --errors); 2 bad usage, pipeline or input path (nothing was annotated); 130 interrupted (what \
        finished is written; rerun with --resume).
        """
    )

    @Option(name: .long, help: "Pipeline name (pipelines/NAME.yaml) or path to a pipeline file.")
    var pipeline = "default"

    @Option(name: .long, help: "Load annotators from this shared-library plugin (repeatable).")
    var plugin: [String] = []

    @Option(name: .long, help: "Output format: jsonl, json (one file per document) or timeml (one .tml per document).")
    var format: OutputFormat = .jsonl

    @Option(name: .shortAndLong, help: "Output: a folder for --format json, a file for jsonl (default, or -: standard output).")
    var output: String?

    /// The output file or folder; `-o -` is standard output, as `-` is standard input.
    private var outputPath: String? { output == "-" ? nil : output }

    @Option(name: .long, help: "Publication date (YYYY-MM-DD) for documents whose input gives none.")
    var date: String?

    @Option(name: .shortAndLong, help: "Documents annotated at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Skip documents whose output already exists and is complete.")
    var resume = false

    @Option(name: .long, help: "Also write failed documents as JSON lines {id, source, reason} to this file.")
    var errors: String?

    @Option(name: .long, help: "Fail documents longer than this many characters (the batch goes on).")
    var maxChars: Int?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes without reading them.")
    var maxBytes: Int = 256 << 20

    @Option(name: .long, help: "Which files to read in folders (shell pattern; repeatable). Default: *.txt, *.jsonl, *.jsonl.gz.")
    var glob: [String] = []

    @Flag(name: .shortAndLong, help: "No progress bar, warnings or summary; errors only.")
    var quiet = false

    @Option(name: .long, help: "Messages on standard error: text, or json (one object per line, for machines).")
    var logFormat: LogFormat = .text

    @Argument(help: "Inputs: .txt files, folders, .jsonl(.gz) files, or - for JSONL on standard input.")
    var inputs: [String]

    func validate() throws {
        if format != .jsonl, outputPath == nil {
            throw ValidationError("--format \(format.rawValue) writes one file per document: give the folder with -o")
        }
        if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
            throw ValidationError("--date expects YYYY-MM-DD, e.g. 2024-03-15; got \(date)")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let outputPath, outputPath.hasSuffix(".gz") {
            // Refused rather than written as plain text under a .gz name.
            throw ValidationError("-o \(outputPath): output is not compressed; write plain JSONL (-o out.jsonl) or pipe "
                                  + "standard output through gzip: spindle annotate … -o - | gzip > \(outputPath)")
        }
        if resume, outputPath == nil { throw ValidationError("--resume needs -o: it looks at what an earlier run wrote there") }
    }

    func run() throws {
        let loaded: Pipeline
        do {
            loaded = try Spindle.pipeline(pipeline, plugins: plugin)
        } catch {
            throw fail("\(error)")
        }
        let reader = InputReader(inputs: inputs, maxBytes: maxBytes, patterns: glob.isEmpty ? InputReader.defaultPatterns : glob)
        let files: [String]
        do { files = try reader.files() } catch { throw fail("\(error)") }
        if format == .jsonl, let outputPath, let input = files.first(where: { Self.sameFile($0, outputPath) }) {
            throw fail("the output -o \(outputPath) is the input \(input): writing it would replace what is being read; "
                       + "give another output file")
        }
        var jobs = jobs
        if jobs > BatchOptions.maxJobs {
            if !quiet { printError("warning: --jobs \(jobs) is more threads than useful; using \(BatchOptions.maxJobs)") }
            jobs = BatchOptions.maxJobs
        }

        let interruption = Interruption()
        let log = BatchLog(format: logFormat, quiet: quiet)
        var errorLines: [UInt8] = []
        let encoder: any DocumentEncoder = format == .timeml ? TimeMLWriter() : DocumentJSONWriter()
        let runner = BatchRunner(pipeline: loaded, writer: encoder,
                                 options: BatchOptions(jobs: jobs, maxCharacters: maxChars, resume: resume, defaultDate: date))
        let handle: (BatchEvent) -> Void = { event in
            if case .failure(let failure) = event, errors != nil {
                errorLines += BatchLog.json(["id": failure.id.map(JSONValue.string) ?? .null,
                                             "source": .string(failure.source), "reason": .string(failure.reason)])
                errorLines.append(0x0A)
            }
            log.handle(event)
        }
        let progress: BatchProgress
        do {
            switch format {
            case .json, .timeml:
                var sink = try FolderSink(folder: outputPath!, fileExtension: encoder.fileExtension)
                progress = try runner.run(reader: reader, sink: &sink, isCancelled: interruption.isSet, report: handle)
            case .jsonl:
                var sink = try JSONLinesSink(path: outputPath, resume: resume)
                progress = try runner.run(reader: reader, sink: &sink, isCancelled: interruption.isSet, report: handle)
            }
        } catch let stopped as BatchStopped where stopped.progress.succeeded > 0 {
            // Documents were written: the run did something, so this is not "nothing ran" (2).
            log.summary(stopped.progress)
            printError("error: cannot write output: \(stopped.reason); \(stopped.progress.succeeded) documents were written "
                       + "before it stopped (rerun with --resume to continue)")
            if let errors { try? AtomicFile.write(errorLines, to: errors) }
            throw ExitCode(1)
        } catch {
            throw fail("cannot write output: \(error)")
        }
        if let errors {
            do { try AtomicFile.write(errorLines, to: errors) } catch { throw fail("cannot write \(errors): \(error)") }
        }
        withExtendedLifetime(interruption) {}
        log.summary(progress)
        if progress.interrupted { throw ExitCode(130) }
        if progress.failed > 0 { throw ExitCode(1) }
    }
}

extension AnnotateCommand {
    /// Whether two paths name the same existing file (also through links or different spellings).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        guard first != "-", second != "-" else { return false }
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}

/// Ctrl-C (or SIGTERM) asks the batch to stop cleanly; a second one stops at once.
final class Interruption {
    private let flag = LockedFlag()
    private let sources: [any DispatchSourceSignal]

    init() {
        let flag = self.flag
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if flag.set() {
                    printError("\ninterrupted: finishing documents in progress (press Ctrl-C again to stop at once)")
                } else {
                    exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    var isSet: @Sendable () -> Bool {
        let flag = self.flag
        return { flag.value }
    }
}

final class LockedFlag: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var raised = false

    /// Raises the flag; true if it was not raised before.
    func set() -> Bool { lock.withLock { defer { raised = true }; return !raised } }
    var value: Bool { lock.withLock { raised } }
}
