import Foundation

/// A child process spoken to in JSON lines over its standard input and output, with a deadline on
/// every exchange: a child that hangs, dies or babbles costs one document, never the batch.
final class ChildProcess {
    enum Failure: Error, CustomStringConvertible {
        case cannotStart(String)
        case timedOut(Double)
        case exited(Int32, String)
        case writeFailed(String)

        var description: String {
            switch self {
            case .cannotStart(let reason): "could not start: \(reason)"
            case .timedOut(let seconds): "gave no reply within \(seconds) s (the child was stopped and will be restarted)"
            case .exited(let status, let stderr):
                "exited with status \(status)" + (stderr.isEmpty ? "" : "; it said: \(stderr.suffix(500))")
            case .writeFailed(let reason): "could not be sent the document: \(reason)"
            }
        }
    }

    private let process = Process()
    private let input: FileHandle
    private let output: Int32
    private let errors = StderrCollector()
    private var buffer: [UInt8] = []

    init(command: [String], directory: String) throws(Failure) {
        // A child that dies while we write to it must fail a document, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        guard let program = command.first, let executable = Self.locate(program, from: directory) else {
            throw .cannotStart("no program `\(command.first ?? "")` found (looked on PATH)")
        }
        process.executableURL = executable
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { throw .cannotStart("\(error)") }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading.fileDescriptor
        errors.collect(from: stderr.fileHandleForReading)
    }

    deinit { stop() }

    /// A path with a slash is taken relative to `directory`; a bare name is looked up on PATH.
    static func locate(_ program: String, from directory: String) -> URL? {
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : directory + "/" + program
            return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    var isRunning: Bool { process.isRunning }

    /// The failure of a child that exits within `seconds` of starting (a missing script, a bad flag).
    func exitedEarly(within seconds: Double) -> Failure? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        usleep(20_000)  // let the last of its standard error arrive
        return .exited(process.terminationStatus, errors.text)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(1)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? input.close()
    }

    /// Sends one line and waits up to `timeout` seconds for one line back.
    func exchange(_ line: [UInt8], timeout: Double) throws(Failure) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        do {
            try input.write(contentsOf: line + [0x0A])
        } catch {
            throw failure(orElse: .writeFailed("\(error)"))
        }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let reply = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return reply
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                stop()
                throw .timedOut(timeout)
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 3600) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(output, &chunk, chunk.count)
            if count <= 0 { throw failure(orElse: .exited(-1, errors.text)) }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// The child's exit status when it has died, else `fallback`.
    private func failure(orElse fallback: Failure) -> Failure {
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        return process.isRunning ? fallback : .exited(process.terminationStatus, errors.text)
    }
}

/// Keeps the last few kilobytes a child writes to standard error, for error messages.
private final class StderrCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func collect(from handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil; return }
            self?.lock.withLock {
                self?.data.append(chunk)
                if let count = self?.data.count, count > 8192 { self?.data.removeFirst(count - 8192) }
            }
        }
    }

    var text: String {
        lock.withLock { String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
