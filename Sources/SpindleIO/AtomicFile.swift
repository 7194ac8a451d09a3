import Foundation

/// Writes files so that a reader never sees half of one: into a temporary file beside the target,
/// then renamed over it (rename is atomic within a file system).
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = temporaryPath(for: path)
        let url = URL(fileURLWithPath: temporary)
        do {
            try Data(bytes).write(to: url)
            try commit(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// A temporary name beside `path`, unique to this process and call.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Renames a finished temporary file over its target.
    public static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot move \(temporary) to \(path): \(reason)"])
        }
    }
}
