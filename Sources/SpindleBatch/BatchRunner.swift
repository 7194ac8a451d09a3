import Foundation
import SpindleCore
import SpindleIO

public struct BatchOptions: Sendable {
    /// Worker threads annotating at once. One shared pipeline serves them all.
    public var jobs: Int
    /// Documents longer than this many characters (Unicode scalars) fail instead of being annotated.
    public var maxCharacters: Int?
    /// Skip documents whose output already exists and is complete.
    public var resume: Bool
    /// Publication date (YYYY-MM-DD) for documents whose input gives none; the dates annotator anchors on it.
    public var defaultDate: String?

    /// More worker threads than this are not started: each holds an 8 MiB stack and a share of the
    /// in-flight window, and past the cores (or a subprocess annotator's children) they add nothing.
    public static let maxJobs = 256

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxCharacters: Int? = nil, resume: Bool = false,
                defaultDate: String? = nil) {
        self.jobs = min(max(1, jobs), Self.maxJobs)
        self.maxCharacters = maxCharacters
        self.resume = resume
        self.defaultDate = defaultDate
    }
}

/// A document that could not be annotated, or an input that could not be read.
public struct BatchFailure: Hashable, Sendable, CustomStringConvertible {
    public var id: String?
    public var source: String
    public var reason: String

    public init(id: String?, source: String, reason: String) {
        self.id = id
        self.source = source
        self.reason = reason
    }

    public var description: String { id.map { "\(source) [\($0)]: \(reason)" } ?? "\(source): \(reason)" }
}

/// Counts so far, for the progress bar and the summary.
public struct BatchProgress: Sendable, Hashable {
    public var succeeded = 0
    public var failed = 0
    public var skipped = 0
    public var tokens = 0
    /// Input bytes consumed, and in all (nil when reading standard input), for the ETA.
    public var bytesRead = 0
    public var bytesTotal: Int?
    public var seconds = 0.0
    /// Set when the run stopped early (Ctrl-C).
    public var interrupted = false

    public init() {}

    public var documents: Int { succeeded + failed + skipped }
    public var documentsPerSecond: Double { seconds > 0 ? Double(succeeded + failed) / seconds : 0 }
    public var tokensPerSecond: Double { seconds > 0 ? Double(tokens) / seconds : 0 }
    /// Seconds left, estimated from the share of input bytes read.
    public var secondsLeft: Double? {
        guard let total = bytesTotal, bytesRead > 0, seconds > 0 else { return nil }
        return seconds * Double(max(0, total - bytesRead)) / Double(bytesRead)
    }
}

public enum BatchEvent: Sendable {
    case warning(InputWarning)
    case failure(BatchFailure)
    /// Sent a few times a second while the batch runs, and once at the end.
    case progress(BatchProgress)
}

/// Annotates a stream of documents on `jobs` threads with one shared pipeline and writes them in input
/// order. Memory stays flat: at most a window of documents is read ahead of the writer, whatever the
/// corpus size. A failing document is reported and skipped; the batch goes on.
public struct BatchRunner: Sendable {
    public let pipeline: Pipeline
    public let writer: any DocumentEncoder
    public let options: BatchOptions

    public init(pipeline: Pipeline, writer: any DocumentEncoder = DocumentJSONWriter(), options: BatchOptions = BatchOptions()) {
        self.pipeline = pipeline
        self.writer = writer
        self.options = options
    }

    /// Runs the batch. `isCancelled` is polled between documents; when it turns true, reading stops,
    /// documents in progress finish, everything finished in order is written, and the sink is finished.
    public func run(reader: InputReader, sink: inout some DocumentSink, isCancelled: @Sendable () -> Bool = { false },
                    report: (BatchEvent) -> Void) throws -> BatchProgress {
        let started = ContinuousClock.now
        var progress = BatchProgress()
        progress.bytesTotal = reader.totalBytes()
        let completed = options.resume ? try sink.completedIDs() : []
        let skipping = Skipping(completed: completed, byFileName: sink is FolderSink)
        // Deep enough that workers never drain it while the reading thread waits for a core (2 cores, 3 threads).
        let queue = WorkQueue(window: max(64, options.jobs * 32))
        let workers = DispatchGroup()
        for _ in 0..<options.jobs {
            workers.enter()
            let thread = Thread { [pipeline, writer, options] in
                queue.work { item in Self.process(item, pipeline: pipeline, writer: writer, options: options, skipping: skipping) }
                workers.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var lastReport = ContinuousClock.now
        func elapsed() -> Double {
            let duration = ContinuousClock.now - started
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        func write(_ results: [WorkResult]) throws {
            for result in results {
                switch result {
                case .annotated(let json, let id, let tokens, let warnings):
                    warnings.forEach { report(.warning($0)) }
                    do {
                        try sink.write(json, id: id)
                    } catch let rejected as DocumentRejected {
                        progress.failed += 1
                        report(.failure(BatchFailure(id: id, source: rejected.path, reason: rejected.description)))
                        continue
                    }
                    progress.succeeded += 1
                    progress.tokens += tokens
                case .failed(let failure, let warnings):
                    warnings.forEach { report(.warning($0)) }
                    progress.failed += 1
                    report(.failure(failure))
                case .skipped:
                    progress.skipped += 1
                case .blank:
                    break
                }
            }
            if ContinuousClock.now - lastReport > .milliseconds(200) {
                lastReport = .now
                progress.seconds = elapsed()
                report(.progress(progress))
            }
        }

        var reader = reader
        reader.defersParsing = true
        do {
            try reader.forEach { item in
                if isCancelled() { throw Interrupted() }
                switch item {
                case .failure(let failure):
                    progress.failed += 1
                    report(.failure(BatchFailure(id: failure.id, source: failure.source, reason: failure.reason)))
                case .document(let document, let warnings, let bytes):
                    progress.bytesRead += bytes
                    warnings.forEach { report(.warning($0)) }
                    try write(queue.submit(.document(document)))
                case .line(let line):
                    progress.bytesRead += line.data.count + 1
                    try write(queue.submit(.line(line)))
                }
                try write(queue.ready())
            }
            try write(queue.finish())
        } catch is Interrupted {
            progress.interrupted = true
            queue.cancelPending()
            do { try write(queue.finish()) } catch { throw stopped(error) }
        } catch {
            throw stopped(error)
        }
        workers.wait()
        do { try sink.finish() } catch { throw BatchStopped(reason: error, progress: progress) }
        progress.seconds = elapsed()
        report(.progress(progress))
        return progress

        /// The output cannot be written (a full disk, say): the documents not yet started are dropped,
        /// the workers finish, and what was written stays written.
        func stopped(_ error: any Error) -> BatchStopped {
            queue.cancelPending()
            _ = queue.finish()
            workers.wait()
            try? sink.finish()
            progress.seconds = elapsed()
            return BatchStopped(reason: error, progress: progress)
        }
    }

    /// Everything done per document, on a worker thread: parse (for deferred JSONL lines), skip what an
    /// earlier run finished, check the size limit, annotate, encode.
    private static func process(_ item: WorkItem, pipeline: Pipeline, writer: any DocumentEncoder, options: BatchOptions,
                                skipping: Skipping) -> WorkResult {
        var document: Document
        var warnings: [InputWarning] = []
        switch item {
        case .document(let ready):
            document = ready
        case .line(let line):
            switch line.parse() {
            case nil: return .blank
            case .failure(let failure)?:
                return .failed(BatchFailure(id: failure.id, source: failure.source, reason: failure.reason), warnings: [])
            case .document(let parsed, let lineWarnings, _)?:
                document = parsed
                warnings = lineWarnings
            case .line?:
                return .blank
            }
        }
        if options.resume, skipping.skips(document.id) { return .skipped }
        if document.metadata.date == nil { document.metadata.date = options.defaultDate }
        let source = document.metadata.source ?? document.id
        if let limit = options.maxCharacters, document.text.utf8.count > limit, document.text.unicodeScalars.count > limit {
            return .failed(BatchFailure(id: document.id, source: source, reason: "longer than --max-chars \(limit) characters"),
                           warnings: warnings)
        }
        do {
            try pipeline.annotate(&document)
            return .annotated(writer.encode(document), id: document.id, tokens: document.tokens.count, warnings: warnings)
        } catch {
            return .failed(BatchFailure(id: document.id, source: source, reason: "`\(error.annotator)` failed: \(error.reason)"),
                           warnings: warnings)
        }
    }
}

/// A batch that stopped because its output could not be written; `progress` counts what was written before.
public struct BatchStopped: Error, CustomStringConvertible {
    public var reason: any Error
    public var progress: BatchProgress

    public var description: String { "\(reason)" }
}

/// Ids an earlier run finished, compared the way the sink names its files.
struct Skipping: Sendable {
    let completed: Set<String>
    let byFileName: Bool

    func skips(_ id: String) -> Bool { completed.contains(byFileName ? FolderSink.fileName(for: id) : id) }
}

enum WorkItem: Sendable {
    case document(Document)
    case line(JSONLine)
}

private struct Interrupted: Error {}

enum WorkResult: Sendable {
    case annotated([UInt8], id: String, tokens: Int, warnings: [InputWarning])
    case failed(BatchFailure, warnings: [InputWarning])
    case skipped
    case blank
}

/// Documents waiting for a worker, and results waiting to be written in order. The reader may run at
/// most `window` documents ahead of the writer, which bounds memory.
///
/// Workers and the reading thread wake each other with semaphores, one wake-up per event, rather than
/// a broadcast that wakes every thread for every document.
final class WorkQueue: @unchecked Sendable {
    // Everything below `lock` is guarded by it.
    private let lock = NSLock()
    private let itemsReady = DispatchSemaphore(value: 0)
    private let resultReady = DispatchSemaphore(value: 0)
    private var pending: [(Int, WorkItem)] = []
    private var pendingHead = 0
    private var results: [Int: WorkResult] = [:]
    private var submitted = 0
    private var written = 0
    private var closed = false
    private var readerWaiting = false
    private var workers = 0
    private let window: Int

    init(window: Int) { self.window = window }

    /// Queues a document; waits while the window is full, and returns results ready to write in order.
    func submit(_ item: WorkItem) -> [WorkResult] {
        lock.withLock {
            pending.append((submitted, item))
            submitted += 1
        }
        itemsReady.signal()
        return collect { submitted - written >= window }
    }

    /// Results ready to write in order, without waiting.
    func ready() -> [WorkResult] {
        lock.withLock { takeReady() }
    }

    /// Drops documents no worker has started (after Ctrl-C).
    func cancelPending() {
        lock.withLock {
            submitted -= pending.count - pendingHead
            pending.removeAll()
            pendingHead = 0
        }
    }

    /// Closes the queue and waits for every result, returning them in order.
    func finish() -> [WorkResult] {
        let count = lock.withLock {
            closed = true
            return workers
        }
        for _ in 0..<max(count, 1) { itemsReady.signal() }
        return collect { written < submitted }
    }

    /// Takes ready results, waiting for more while `mustWait` holds.
    private func collect(while mustWait: () -> Bool) -> [WorkResult] {
        var ready: [WorkResult] = []
        while true {
            let waiting: Bool = lock.withLock {
                ready += takeReady()
                guard mustWait() else { return false }
                readerWaiting = true
                return true
            }
            guard waiting else { return ready }
            resultReady.wait()
        }
    }

    private func takeReady() -> [WorkResult] {
        var ready: [WorkResult] = []
        while let result = results.removeValue(forKey: written) {
            ready.append(result)
            written += 1
        }
        return ready
    }

    /// A worker's loop: take a document, process it outside the lock, store the result.
    func work(_ process: (WorkItem) -> WorkResult) {
        lock.withLock { workers += 1 }
        while true {
            itemsReady.wait()
            let next: (Int, WorkItem)? = lock.withLock {
                guard pendingHead < pending.count else { return nil }
                let item = pending[pendingHead]
                pendingHead += 1
                if pendingHead > 1024, pendingHead * 2 > pending.count {
                    pending.removeFirst(pendingHead)
                    pendingHead = 0
                }
                return item
            }
            guard let (sequence, item) = next else {
                // Woken with nothing to do: the queue was closed (or its items cancelled).
                if lock.withLock({ closed }) {
                    itemsReady.signal()  // pass the wake-up on to the next worker
                    return
                }
                continue
            }
            let result = process(item)
            let wake: Bool = lock.withLock {
                results[sequence] = result
                defer { readerWaiting = false }
                return readerWaiting
            }
            if wake { resultReady.signal() }
        }
    }
}
