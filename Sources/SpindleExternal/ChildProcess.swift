import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spoken to in JSON lines over its standard input and output, with a deadline on
/// every exchange: a child that hangs, dies or babbles costs one document, never the batch.
///
/// The deadline covers the whole exchange: the document is written without blocking, interleaved with
/// reading the reply, so a child that never reads its input (or one like `cat` that answers while it is
/// still being written to) cannot stall the batch on a full pipe. The child runs in a process group of
/// its own; stopping it kills the group (its own children too) and reaps it, so nothing is left behind.
final class ChildProcess {
    enum Failure: Error, CustomStringConvertible {
        case cannotStart(String)
        case timedOut(Double)
        case didNotRead(Double)
        case exited(Int32, String)
        case writeFailed(String)
        case outOfStep(String)

        var description: String {
            switch self {
            case .cannotStart(let reason): "could not start: \(reason)"
            case .timedOut(let seconds): "gave no reply within \(seconds) s (the child was stopped and will be restarted)"
            case .didNotRead(let seconds):
                "did not read the document within \(seconds) s (the child was stopped and will be restarted)"
            case .exited(let status, let stderr):
                "exited with status \(status)" + (stderr.isEmpty ? "" : "; it said: \(stderr.suffix(500))")
            case .writeFailed(let reason): "could not be sent the document: \(reason)"
            case .outOfStep(let reason): "is out of step with its documents: \(reason) (the child was stopped and will be restarted)"
            }
        }
    }

    private let pid: pid_t
    private var input: Int32
    private var output: Int32
    private let errors = StderrCollector()
    private var buffer: [UInt8] = []
    /// The wait status once the child has been reaped.
    private var reaped: Int32?

    init(command: [String], directory: String) throws(Failure) {
        // A child that dies while we write to it must fail a document, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        guard let program = command.first, let executable = Self.locate(program, from: directory) else {
            throw .cannotStart("no program `\(command.first ?? "")` found (looked on PATH)")
        }
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&stdinPipe), Self.makePipe(&stdoutPipe), Self.makePipe(&stderrPipe) else {
            for fd in stdinPipe + stdoutPipe + stderrPipe where fd >= 0 { close(fd) }
            throw .cannotStart("cannot create pipes: \(String(cString: strerror(errno)))")
        }
        defer {
            // The child's ends, now duplicated into it.
            close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        }
        var actions = Self.fileActions()
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        guard Self.addChangeDirectory(&actions, directory) == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw .cannotStart("cannot run it in \(directory)")
        }
        var attributes = Self.spawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so stopping it reaches its children), default signal handling (SIGPIPE
        // is ignored here, and ignored signals would otherwise stay ignored across exec), no blocked signals.
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + command.dropFirst()).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, Self.environment)
        guard status == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw .cannotStart(String(cString: strerror(status)))
        }
        pid = child
        LiveChildren.add(child)
        input = stdinPipe[1]
        output = stdoutPipe[0]
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        errors.collect(from: stderrPipe[0])
    }

    deinit { stop() }

    /// A path with a slash is taken relative to `directory`; a bare name is looked up on PATH.
    static func locate(_ program: String, from directory: String) -> String? {
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : directory + "/" + program
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The child's process id (its process group's too).
    var processIdentifier: pid_t { pid }

    /// Whether the child is still running. A child that has exited is left a zombie until `stop` reaps
    /// it, so its process id (and group id) cannot be reused before its group has been killed.
    var isRunning: Bool {
        reaped == nil && !hasExited
    }

    private var hasExited: Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        #if os(Linux)
        return info._sifields._sigchld.si_pid == pid
        #else
        return info.si_pid == pid
        #endif
    }

    /// The exit status (or 128 + signal) of a child that has been stopped and reaped.
    private var exitStatus: Int32 {
        guard let status = reaped, status >= 0 else { return -1 }
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }  // exited
        return 128 + (status & 0x7F)  // killed by a signal
    }

    /// The failure of a child that exits within `seconds` of starting (a missing script, a bad flag).
    func exitedEarly(within seconds: Double) -> Failure? {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { usleep(10_000) }
        guard !isRunning else { return nil }
        stop()
        errors.waitForEnd(seconds: 1)  // the last of its standard error
        return .exited(exitStatus, errors.text)
    }

    /// Stops the child and everything it started (its process group): closes its input, asks the group
    /// to terminate, kills it after a short grace period, and reaps the child. Safe to call again.
    func stop() {
        if input >= 0 {
            close(input)
            input = -1
        }
        guard reaped == nil else { return }
        if !hasExited {
            kill(-pid, SIGTERM)
            let deadline = Date().addingTimeInterval(0.2)
            while !hasExited, Date() < deadline { usleep(5_000) }
        }
        // The child is alive or a zombie, so its group id is still its own: whatever is left in the group
        // (the child, or programs it started) is killed before the child is reaped.
        kill(-pid, SIGKILL)
        LiveChildren.remove(pid)
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
        reaped = result == pid ? status : -1
        if output >= 0 {
            close(output)
            output = -1
        }
    }

    /// Output the child wrote that no exchange asked for: a child with bytes waiting before a document is
    /// sent replied twice to an earlier one, and every later reply would belong to the wrong document.
    func hasUnansweredOutput() -> Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Sends one line and waits for one line back; the whole exchange gets `timeout` seconds.
    func exchange(_ line: [UInt8], timeout: Double) throws(Failure) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        let message = line + [0x0A]
        var sent = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                guard sent == message.count else {
                    stop()
                    throw .outOfStep("it replied before it had read the whole document")
                }
                let reply = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard buffer.isEmpty else {
                    stop()
                    throw .outOfStep("it wrote more than one line for one document")
                }
                return reply
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                stop()
                throw sent < message.count ? .didNotRead(timeout) : .timedOut(timeout)
            }
            var descriptors = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if sent < message.count { descriptors.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(left, 3600) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            if descriptors.count > 1, descriptors[1].revents != 0 {
                let count = message.withUnsafeBytes { bytes in
                    write(input, bytes.baseAddress! + sent, message.count - sent)
                }
                if count > 0 {
                    sent += count
                } else if count < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                    let reason = String(cString: strerror(errno))
                    throw failure(orElse: .writeFailed(reason))
                }
            }
            if descriptors[0].revents != 0 {
                let count = read(output, &chunk, chunk.count)
                if count < 0, errno == EAGAIN || errno == EINTR { continue }
                if count <= 0 { throw failure(orElse: .exited(-1, errors.text)) }
                buffer.append(contentsOf: chunk[..<count])
            }
        }
    }

    /// The child's exit status when it has died, else `fallback` (and the child is stopped).
    private func failure(orElse fallback: Failure) -> Failure {
        let deadline = Date().addingTimeInterval(1)
        while isRunning, Date() < deadline { usleep(5_000) }
        if isRunning {
            stop()
            return fallback
        }
        stop()
        errors.waitForEnd(seconds: 1)
        return .exited(exitStatus, errors.text)
    }

    /// A pipe whose ends are closed in other programs this process starts (on Linux atomically, with
    /// `pipe2`, so a child started at the same moment by another thread cannot inherit them).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        #if os(Linux)
        if let pipe2 = linuxPipe2 { return pipe2(&fds, Int32(O_CLOEXEC)) == 0 }
        #endif
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    #if os(Linux)
    // glibc declares these only with _GNU_SOURCE / _DEFAULT_SOURCE, which Swift's Glibc module leaves out.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    private static let linuxPipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let linuxAddChdir: AddChdir? =
        dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }

    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        guard let addChdir = linuxAddChdir else { return ENOSYS }
        return addChdir(&actions, directory)
    }
    #else
    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t?, _ directory: String) -> Int32 {
        posix_spawn_file_actions_addchdir_np(&actions, directory)
    }
    #endif

    #if os(Linux)
    private static func fileActions() -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func spawnAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        return attributes
    }

    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? { environ }
    #else
    private static func fileActions() -> posix_spawn_file_actions_t? {
        var actions: posix_spawn_file_actions_t?
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func spawnAttributes() -> posix_spawnattr_t? {
        var attributes: posix_spawnattr_t?
        posix_spawnattr_init(&attributes)
        return attributes
    }

    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? { _NSGetEnviron().pointee }
    #endif
}

/// The process groups of children still running, killed when this process exits: an idle child that
/// would not stop at the end of its input (or a program it started) is never left behind.
private enum LiveChildren {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    private static let installed: Void = { atexit { LiveChildren.killAll() } }()

    static func add(_ pid: pid_t) {
        _ = installed
        lock.withLock { _ = groups.insert(pid) }
    }

    static func remove(_ pid: pid_t) { lock.withLock { _ = groups.remove(pid) } }

    static func killAll() {
        lock.withLock { for pid in groups { kill(-pid, SIGKILL) } }
    }
}

/// Keeps the last few kilobytes a child writes to standard error, for error messages, read on a thread
/// of its own until the child closes it.
private final class StderrCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [UInt8] = []
    private let ended = DispatchSemaphore(value: 0)

    func collect(from fd: Int32) {
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &chunk, chunk.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                lock.withLock {
                    data.append(contentsOf: chunk[..<count])
                    if data.count > 8192 { data.removeFirst(data.count - 8192) }
                }
            }
            close(fd)
            ended.signal()
        }
        thread.start()
    }

    /// Waits (up to `seconds`) until the child's standard error is closed.
    func waitForEnd(seconds: Double) {
        if ended.wait(timeout: .now() + seconds) == .success { ended.signal() }
    }

    var text: String {
        lock.withLock { String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
