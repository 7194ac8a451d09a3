import ArgumentParser
import Foundation
import Spindle

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl
}

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate .txt files, folders of them, .jsonl files, or JSONL on standard input (-).",
        discussion: """
        JSONL input lines are {"id": …, "text": …, "date": "YYYY-MM-DD", …}; keys other than id and text \
        go to metadata. A .txt file's id is its file name without extension.
        --format jsonl (the default) writes one line per document, in input order, to -o FILE or standard \
        output; --format json writes one ID.json per document into the folder -o.
        Exit codes: 0 all documents annotated; 1 some failed (each is reported on standard error); \
        2 bad usage, pipeline or input path.
        """
    )

    @Option(name: .long, help: "Pipeline name (pipelines/NAME.yaml) or path to a pipeline file.")
    var pipeline = "default"

    @Option(name: .long, help: "Output format: json (one file per document) or jsonl.")
    var format: OutputFormat = .jsonl

    @Option(name: .shortAndLong, help: "Output: a folder for --format json, a file for jsonl (default standard output).")
    var output: String?

    @Option(name: .long, help: "Refuse documents longer than this many bytes (reported, the batch goes on).")
    var maxBytes: Int = 256 << 20

    @Flag(name: .long, help: "Print no warnings, only errors.")
    var quiet = false

    @Argument(help: "Inputs: .txt files, folders, .jsonl files, or - for JSONL on standard input.")
    var inputs: [String]

    func validate() throws {
        if format == .json, output == nil {
            throw ValidationError("--format json writes one file per document: give the folder with -o")
        }
    }

    func run() throws {
        let loaded: Pipeline
        do {
            loaded = try Spindle.pipeline(pipeline)
        } catch {
            throw fail("\(error)")
        }
        let reader = InputReader(inputs: inputs, maxBytes: maxBytes)
        do { _ = try reader.files() } catch { throw fail("\(error)") }

        var sink: any DocumentSink
        do {
            switch format {
            case .json: sink = try FolderSink(folder: output!)
            case .jsonl: sink = try JSONLinesSink(path: output)
            }
        } catch {
            throw fail("cannot write output: \(error)")
        }
        let writer = DocumentJSONWriter()
        var succeeded = 0, failed = 0
        try reader.forEach { item in
            switch item {
            case .failure(let failure):
                failed += 1
                printError("error: \(failure)")
            case .document(var document, let warnings):
                if !quiet { warnings.forEach { printError("\($0)") } }
                do {
                    try loaded.annotate(&document)
                    try sink.write(writer.encode(document), id: document.id)
                    succeeded += 1
                } catch let failure as AnnotationFailure {
                    failed += 1
                    printError("error: \(failure)")
                }
            }
        }
        try sink.finish()
        if !quiet || failed > 0 {
            printError("annotated \(succeeded) document\(succeeded == 1 ? "" : "s")\(failed > 0 ? ", \(failed) failed" : "")")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Where annotated documents go.
protocol DocumentSink {
    mutating func write(_ json: [UInt8], id: String) throws
    mutating func finish() throws
}

/// One `ID.json` per document, each written atomically.
struct FolderSink: DocumentSink {
    let folder: String
    private var used: Set<String> = []

    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    mutating func write(_ json: [UInt8], id: String) throws {
        var name = Self.fileName(for: id)
        var suffix = 2
        while !used.insert(name).inserted {
            name = Self.fileName(for: id) + "-\(suffix)"
            suffix += 1
        }
        try AtomicFile.write(json + [0x0A], to: "\(folder)/\(name).json")
    }

    mutating func finish() throws {}

    /// Ids can hold any character; file names cannot hold `/` or start with a dot.
    static func fileName(for id: String) -> String {
        var name = String(id.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : String(name.prefix(200))
    }
}

/// One line per document, to standard output or to a file that appears, complete, when the run ends.
struct JSONLinesSink: DocumentSink {
    private let handle: FileHandle
    private let path: String?
    private let temporary: String?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        self.path = path
        if let path {
            let temporary = AtomicFile.temporaryPath(for: path)
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create \(temporary)"])
            }
            self.temporary = temporary
            self.handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        } else {
            self.temporary = nil
            self.handle = .standardOutput
        }
    }

    mutating func write(_ json: [UInt8], id: String) throws {
        buffer.append(contentsOf: json)
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        try flush()
        if let temporary, let path {
            try handle.close()
            try AtomicFile.commit(temporary, to: path)
        }
    }
}
