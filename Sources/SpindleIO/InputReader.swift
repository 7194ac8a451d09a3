import Foundation
import SpindleCore

/// One item read from the inputs: a document ready to annotate, or the reason an input could not be
/// read. Failures carry a document id (or a file:line) so a batch can report them and go on.
public enum InputItem: Sendable {
    /// `bytes`: how much input it took, for progress estimates.
    case document(Document, warnings: [InputWarning], bytes: Int)
    /// A JSONL line not parsed yet (when the reader is asked to defer parsing, so that a batch's worker
    /// threads parse in parallel instead of the one thread that reads).
    case line(JSONLine)
    case failure(InputFailure)
}

public struct InputFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var id: String?
    public var reason: String
    public init(source: String, id: String? = nil, reason: String) {
        self.source = source
        self.id = id
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}

/// Errors that stop a run before it starts: an input that does not exist.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .notFound(let path): "input \(path) does not exist"
        case .unsupported(let path): "input \(path) is neither a .txt nor a .jsonl file nor a folder (use - for JSONL on standard input)"
        }
    }
}

/// Reads `.txt` files, folders of them (recursively, with `.jsonl` and `.jsonl.gz` files too), `.jsonl`
/// and `.jsonl.gz` files and `-` (JSONL on standard input), one document at a time, in a stable order.
/// Nothing is read ahead: memory stays flat however large the corpus.
public struct InputReader: Sendable {
    public var inputs: [String]
    /// Documents longer than this many bytes are refused with a clear reason instead of read.
    public var maxBytes: Int
    /// Which files in folders are read: shell patterns matched against the path below the folder and
    /// against the file name.
    public var patterns: [String]

    /// Hand out JSONL lines unparsed (`InputItem.line`) for the consumer to parse.
    public var defersParsing: Bool

    public static let defaultPatterns = ["*.txt", "*.jsonl", "*.jsonl.gz"]

    public init(inputs: [String], maxBytes: Int = 1 << 30, patterns: [String] = InputReader.defaultPatterns,
                defersParsing: Bool = false) {
        self.inputs = inputs
        self.maxBytes = maxBytes
        self.patterns = patterns
        self.defersParsing = defersParsing
    }

    /// Bytes in all inputs, or nil when one is standard input.
    public func totalBytes() -> Int? {
        guard let files = try? files(), !files.contains("-") else { return nil }
        return files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    }

    func matches(_ relativePath: String) -> Bool {
        let name = URL(fileURLWithPath: relativePath).lastPathComponent
        return patterns.contains { fnmatch($0, relativePath, 0) == 0 || fnmatch($0, name, 0) == 0 }
    }

    /// Checks every input exists and expands folders into their files, sorted.
    public func files() throws(InputError) -> [String] {
        var result: [String] = []
        for input in inputs {
            if input == "-" { result.append(input); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { throw .notFound(input) }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: input)
                var found: [String] = []
                while let entry = enumerator?.nextObject() as? String {
                    if matches(entry), !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                        found.append(input + "/" + entry)
                    }
                }
                result.append(contentsOf: found.sorted())
            } else {
                // A named file is read whatever its extension (as plain text unless .jsonl or .jsonl.gz):
                // users point at what they have.
                result.append(input)
            }
        }
        return result
    }

    /// Calls `body` with every item of every input, in order.
    public func forEach(_ body: (InputItem) throws -> Void) throws {
        for file in try files() {
            if file == "-" {
                let stdin = FileHandle.standardInput
                try JSONLinesReader(source: "<stdin>", defaultID: "stdin", maxBytes: maxBytes, defersParsing: defersParsing)
                    .read(next: { stdin.readData(ofLength: 1 << 20) }, body)
            } else if file.hasSuffix(".jsonl.gz") || file.hasSuffix(".jsonl") {
                let stem = URL(fileURLWithPath: file).lastPathComponent
                    .replacingOccurrences(of: ".jsonl.gz", with: "").replacingOccurrences(of: ".jsonl", with: "")
                let reader = JSONLinesReader(source: file, defaultID: stem, maxBytes: maxBytes, defersParsing: defersParsing)
                // zlib reads plain files as they are, so one path serves .jsonl and .jsonl.gz.
                guard let stream = GzipReader(path: file) else {
                    try body(.failure(InputFailure(source: file, reason: "cannot open for reading")))
                    continue
                }
                do {
                    try reader.read(next: { try stream.read(1 << 20) }, body)
                } catch let error as GzipReader.Failure {
                    try body(.failure(InputFailure(source: file, reason: error.description)))
                }
            } else {
                try body(readText(file))
            }
        }
    }

    /// A `.txt` file as one document whose id is the file name without extension.
    public func readText(_ path: String) -> InputItem {
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes {
            return .failure(InputFailure(source: path, id: id, reason: "\(size) bytes is over the limit of \(maxBytes) bytes per document"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputFailure(source: path, id: id, reason: "cannot read the file"))
        }
        if data.prefix(8192).contains(0) {
            return .failure(InputFailure(source: path, id: id, reason: "looks like a binary file (it contains NUL bytes); not annotated"))
        }
        var (text, warnings) = TextDecoding.decode(data, source: path)
        if text.isEmpty { warnings.append(InputWarning(source: path, message: "empty file: written with no annotations")) }
        return .document(Document(text: text, metadata: Metadata(id: id, source: path)), warnings: warnings, bytes: data.count)
    }
}

/// JSON Lines with one document per line: `{"id": …, "text": …, "date": "YYYY-MM-DD", …}`. Keys other
/// than `id` and `text` become metadata. A bad line is reported with its line number and skipped.
/// One line of a JSONL input, with what is needed to parse it later and name it in messages.
public struct JSONLine: Sendable {
    public let data: Data
    public let number: Int
    let reader: JSONLinesReader

    /// The document of this line, a failure, or nil for a blank line.
    public func parse() -> InputItem? { reader.parse(data, line: number) }
}

struct JSONLinesReader: Sendable {
    let source: String
    let defaultID: String
    let maxBytes: Int
    var defersParsing = false

    /// A line as an item: parsed now, or handed out to be parsed by the consumer.
    private func item(_ line: Data, number: Int) -> InputItem? {
        guard defersParsing else { return parse(line, line: number) }
        return .line(JSONLine(data: line, number: number, reader: self))
    }

    /// Reads lines as chunks arrive. A line longer than `maxBytes` is not buffered past the limit: its
    /// bytes are counted and dropped up to its newline, and it fails alone (memory stays within
    /// `maxBytes` plus one chunk whatever the input). Each byte is searched for a newline once.
    func read(next: () throws -> Data, _ body: (InputItem) throws -> Void) throws {
        var buffer: [UInt8] = []
        var scanned = 0  // leading bytes of `buffer` known to hold no newline
        var dropped: Int?  // bytes of an over-long line dropped so far
        var lineNumber = 0
        var atEnd = false
        func tooLong(_ bytes: Int) -> InputItem {
            .failure(InputFailure(source: "\(source):\(lineNumber)",
                                  reason: "line of \(bytes) bytes is over the limit of \(maxBytes) bytes per document; not read"))
        }
        while !atEnd {
            let chunk = try next()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
            // Lines are found with memchr on the raw bytes: this loop runs on the one reading thread.
            var lines: [Range<Int>] = []
            var start = 0
            buffer.withUnsafeBytes { bytes in
                var from = scanned
                while from < bytes.count, let found = memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from) {
                    let newline = bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
                    lines.append(start..<newline)
                    start = newline + 1
                    from = start
                }
            }
            for range in lines {
                lineNumber += 1
                if let count = dropped {
                    dropped = nil
                    try body(tooLong(count + range.count))
                } else if let item = item(Data(buffer[range]), number: lineNumber) {
                    try body(item)
                }
            }
            if atEnd {
                if dropped != nil || start < buffer.count {
                    lineNumber += 1
                    if let count = dropped {
                        try body(tooLong(count + buffer.count - start))
                    } else if let item = item(Data(buffer[start...]), number: lineNumber) {
                        try body(item)
                    }
                }
                break
            }
            buffer.removeFirst(start)
            scanned = buffer.count
            if buffer.count > maxBytes {
                dropped = (dropped ?? 0) + buffer.count
                buffer.removeAll(keepingCapacity: true)
                scanned = 0
            }
        }
    }

    /// Blank lines are not documents and are passed over silently.
    func parse(_ line: Data, line number: Int) -> InputItem? {
        let where_ = "\(source):\(number)"
        guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else {
            return nil
        }
        if line.count > maxBytes {
            return .failure(InputFailure(source: where_, reason: "line of \(line.count) bytes is over the limit of \(maxBytes) bytes per document"))
        }
        let (string, warnings) = TextDecoding.decode(line, source: where_)
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(string.utf8))
        } catch {
            return .failure(InputFailure(source: where_, reason: "malformed JSON line (expected an object with \"text\"): \(Self.explain(error))"))
        }
        let id: String
        switch object["id"] {
        case .string(let value)?: id = value
        case .int(let value)?: id = String(value)
        default: id = "\(defaultID)-\(number)"
        }
        guard case .string(let text)? = object["text"] else {
            return .failure(InputFailure(source: where_, id: id, reason: "no \"text\" string in this line"))
        }
        var metadata = Metadata(id: id)
        for (key, value) in object where key != "id" && key != "text" {
            metadata.set(key, value)
        }
        return .document(Document(text: text, metadata: metadata), warnings: warnings, bytes: line.count + 1)
    }

    private static func explain(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }
}
