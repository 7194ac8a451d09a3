import Foundation
import SpindleIO

/// Where annotated documents go, one encoded JSON object at a time, in input order.
public protocol DocumentSink {
    /// Ids already written by an earlier run, for `--resume`.
    func completedIDs() throws -> Set<String>
    mutating func write(_ json: [UInt8], id: String) throws
    /// Makes everything written so far durable and visible (renames temporary files into place).
    mutating func finish() throws
}

/// One `ID.json` (or `ID.tml`, …) per document, each written atomically: a file that exists is complete.
public struct FolderSink: DocumentSink {
    public let folder: String
    public let fileExtension: String
    private var used: Set<String> = []

    public init(folder: String, fileExtension: String = "json") throws {
        self.folder = folder
        self.fileExtension = fileExtension
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    public func completedIDs() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let suffix = "." + fileExtension
        return Set(files.filter { name in
            var isDirectory: ObjCBool = false
            return name.hasSuffix(suffix) && !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory) && !isDirectory.boolValue
        }.map { String($0.dropLast(suffix.count)) })
    }

    public mutating func write(_ json: [UInt8], id: String) throws {
        let base = Self.fileName(for: id)
        var name = base
        var suffix = 2
        while !used.insert(name).inserted {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        let path = "\(folder)/\(name).\(fileExtension)"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DocumentRejected(path: path, reason: "a folder of that name is in the way")
        }
        // Writing the bytes can fail for the whole batch (disk full); putting them in place under this
        // document's name fails for this document only.
        let temporary = AtomicFile.temporaryPath(for: path)
        do {
            try Data(json + [0x0A]).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        do {
            try AtomicFile.commit(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DocumentRejected(path: path, reason: "\(error.localizedDescription)")
        }
    }

    public mutating func finish() throws {}

    /// Ids can hold any character; file names cannot hold `/` or start with a dot, and most file systems
    /// allow 255 bytes: names are cut to `maxNameBytes` UTF-8 bytes at a character boundary, which leaves
    /// room for a `-N` duplicate suffix, the extension and the temporary name's additions. Resume compares
    /// against this same mapping.
    public static func fileName(for id: String) -> String {
        var name = String(id.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        if name.utf8.count > maxNameBytes {
            var cut = ""
            var bytes = 0
            for character in name {
                bytes += character.utf8.count
                if bytes > maxNameBytes { break }
                cut.append(character)
            }
            name = cut
        }
        return name.isEmpty ? "_" : name
    }

    public static let maxNameBytes = 200
}

/// One line per document, in input order, to standard output or to a file.
///
/// A file is written progressively: each finished document is appended as soon as it is next in order
/// (written through to the file at least every 64 KiB or 100 ms), so whatever ends the run — Ctrl-C, a
/// second Ctrl-C, SIGKILL, a full disk — the file holds complete documents in input order, at most followed
/// by one cut line, and `--resume` continues from them. (A file is not replaced atomically: a reader may
/// see it grow; every complete line in it is a finished document.)
public struct JSONLinesSink: DocumentSink {
    private let fd: Int32
    private let path: String?
    private var buffer: [UInt8] = []
    private var lastFlush = ContinuousClock.now
    private var kept: Set<String> = []

    /// `resume`: keep the complete lines of an existing output file and append after them. The file is
    /// read a line at a time, never whole.
    public init(path: String?, resume: Bool = false) throws {
        self.path = path
        guard let path else {
            self.fd = STDOUT_FILENO
            return
        }
        let existing = resume && FileManager.default.fileExists(atPath: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (existing ? 0 : O_TRUNC), 0o644)
        guard fd >= 0 else { throw BatchError.cannotWrite("\(path): \(String(cString: strerror(errno)))") }
        self.fd = fd
        if existing {
            do {
                try keepCompleteLines(of: path)
            } catch {
                close(fd)
                throw error
            }
        }
    }

    /// Reads the earlier output line by line, remembers the ids of its documents, and cuts the file after
    /// the last complete one (a line cut short by a crash is dropped and its document redone). Should a
    /// bad line sit between good ones, the good lines are copied to a fresh file that replaces it.
    private mutating func keepCompleteLines(of path: String) throws {
        guard let reader = LineReader(path: path) else { throw BatchError.cannotWrite("\(path): cannot read it to resume") }
        var goodEnd: off_t = 0
        var offset: off_t = 0
        var sawBad = false, damaged = false
        var lines: [(off_t, Int)] = []  // kept lines (offset, length), for a rewrite
        while let line = try reader.next() {
            let start = offset
            offset += off_t(line.bytes.count + (line.terminated ? 1 : 0))
            guard line.terminated, let id = Self.id(of: line.bytes) else {
                sawBad = sawBad || !line.bytes.isEmpty
                continue
            }
            kept.insert(id)
            lines.append((start, line.bytes.count))
            if sawBad { damaged = true } else { goodEnd = offset }
        }
        if damaged {
            try rewrite(path, keeping: lines)
        } else {
            guard ftruncate(fd, goodEnd) == 0 else { throw BatchError.cannotWrite("\(path): \(String(cString: strerror(errno)))") }
            lseek(fd, goodEnd, SEEK_SET)
        }
    }

    /// Copies the kept lines of `path` into a temporary file, renames it over `path`, and appends to it.
    private func rewrite(_ path: String, keeping lines: [(off_t, Int)]) throws {
        let temporary = AtomicFile.temporaryPath(for: path)
        guard let source = FileHandle(forReadingAtPath: path),
              FileManager.default.createFile(atPath: temporary, contents: nil),
              let target = FileHandle(forWritingAtPath: temporary) else { throw BatchError.cannotWrite(temporary) }
        defer { try? source.close() }
        for (start, length) in lines {
            try source.seek(toOffset: UInt64(start))
            try target.write(contentsOf: (try source.read(upToCount: length) ?? Data()) + [0x0A])
        }
        try target.synchronize()
        try target.close()
        try AtomicFile.commit(temporary, to: path)
        // `fd` still points at the old file: reopen the new one for appending in its place.
        let fresh = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fresh >= 0, dup2(fresh, fd) >= 0 else { throw BatchError.cannotWrite(path) }
        close(fresh)
    }

    /// The `id` of a complete output line, or nil when the line is not a JSON object with a string id.
    static func id(of line: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return nil }
        return object["id"] as? String
    }

    public func completedIDs() throws -> Set<String> { kept }

    public mutating func write(_ json: [UInt8], id: String) throws {
        buffer.append(contentsOf: json)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 || ContinuousClock.now - lastFlush > .milliseconds(100) { try flush() }
    }

    private mutating func flush() throws {
        lastFlush = .now
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, buffer.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                buffer.removeFirst(max(written, 0))
                throw BatchError.cannotWrite("\(path ?? "standard output"): \(reason)")
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public mutating func finish() throws {
        try flush()
        if path != nil {
            fsync(fd)
            close(fd)
        }
    }
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// Reads a file a line at a time through a fixed buffer (lines themselves are kept whole).
final class LineReader {
    private let fd: Int32
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var head = 0
    private var atEnd = false

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    /// The next line without its newline, and whether a newline ended it (false for a cut last line).
    func next() throws -> (bytes: [UInt8], terminated: Bool)? {
        var searched = head
        while true {
            if let newline = pending[searched...].firstIndex(of: 0x0A) {
                let line = Array(pending[head..<newline])
                head = newline + 1
                return (line, true)
            }
            if atEnd {
                guard head < pending.count else { return nil }
                defer { pending = []; head = 0 }
                return (Array(pending[head...]), false)
            }
            if head > 0 {
                pending.removeFirst(head)
                head = 0
            }
            searched = pending.count
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw BatchError.cannotWrite("cannot read: \(String(cString: strerror(errno)))") }
            if count == 0 { atEnd = true } else { pending.append(contentsOf: chunk[..<count]) }
        }
    }
}

/// A sink could not store one document (its file name is taken by a folder, say); the batch goes on.
public struct DocumentRejected: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

public enum BatchError: Error, CustomStringConvertible {
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot create \(path)"
        }
    }
}
