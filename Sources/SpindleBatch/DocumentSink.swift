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

/// One line per document, to standard output, or to a file that is replaced whole when the run ends
/// (also when it is interrupted: then it holds every document finished so far, in order).
public struct JSONLinesSink: DocumentSink {
    private let handle: FileHandle
    private let path: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var kept: Set<String> = []

    /// `resume`: keep the complete lines of an existing output file and append after them.
    public init(path: String?, resume: Bool = false) throws {
        self.path = path
        guard let path else {
            self.temporary = nil
            self.handle = .standardOutput
            return
        }
        let temporary = AtomicFile.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw BatchError.cannotWrite(temporary)
        }
        self.temporary = temporary
        self.handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        if resume, let existing = FileManager.default.contents(atPath: path) {
            var keptBytes = Data()
            for line in existing.split(separator: 0x0A, omittingEmptySubsequences: true) {
                // A line cut short by a crash is not valid JSON: it is dropped and its document redone.
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let id = object["id"] as? String else { continue }
                kept.insert(id)
                keptBytes.append(contentsOf: line)
                keptBytes.append(0x0A)
            }
            try handle.write(contentsOf: keptBytes)
        }
    }

    public func completedIDs() throws -> Set<String> { kept }

    public mutating func write(_ json: [UInt8], id: String) throws {
        buffer.append(contentsOf: json)
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public mutating func finish() throws {
        try flush()
        if let temporary, let path {
            try handle.synchronize()
            try handle.close()
            try AtomicFile.commit(temporary, to: path)
        }
    }

    /// Removes the temporary file of a run that could not finish at all.
    public func abandon() {
        if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
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
