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

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxCharacters: Int? = nil, resume: Bool = false,
                defaultDate: String? = nil) {
        self.jobs = max(1, jobs)
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
        let isSkippable: (String) -> Bool = sink is FolderSink
            ? { completed.contains(FolderSink.fileName(for: $0)) } : { completed.contains($0) }
        let queue = WorkQueue(window: options.jobs * 8)
        let workers = DispatchGroup()
        for _ in 0..<options.jobs {
            workers.enter()
            let thread = Thread { [pipeline, writer] in
                queue.work { document in Self.process(document, pipeline: pipeline, writer: writer) }
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
                case .annotated(let json, let id, let tokens):
                    try sink.write(json, id: id)
                    progress.succeeded += 1
                    progress.tokens += tokens
                case .failed(let failure):
                    progress.failed += 1
                    report(.failure(failure))
                }
            }
            if ContinuousClock.now - lastReport > .milliseconds(200) {
                lastReport = .now
                progress.seconds = elapsed()
                report(.progress(progress))
            }
        }

        do {
            try reader.forEach { item in
                if isCancelled() { throw Interrupted() }
                switch item {
                case .failure(let failure):
                    progress.failed += 1
                    report(.failure(BatchFailure(id: failure.id, source: failure.source, reason: failure.reason)))
                case .document(var document, let warnings, let bytes):
                    if document.metadata.date == nil { document.metadata.date = options.defaultDate }
                    progress.bytesRead += bytes
                    warnings.forEach { report(.warning($0)) }
                    if options.resume, isSkippable(document.id) {
                        progress.skipped += 1
                        return
                    }
                    if let limit = options.maxCharacters, document.text.utf8.count > limit,
                       document.text.unicodeScalars.count > limit {
                        progress.failed += 1
                        report(.failure(BatchFailure(id: document.id, source: document.metadata.source ?? document.id,
                                                     reason: "longer than --max-chars \(limit) characters")))
                        return
                    }
                    try write(queue.submit(document))
                }
                try write(queue.ready())
            }
        } catch is Interrupted {
            progress.interrupted = true
            queue.cancelPending()
        }
        try write(queue.finish())
        workers.wait()
        try sink.finish()
        progress.seconds = elapsed()
        report(.progress(progress))
        return progress
    }

    private static func process(_ document: Document, pipeline: Pipeline, writer: any DocumentEncoder) -> WorkResult {
        var document = document
        do {
            try pipeline.annotate(&document)
            return .annotated(writer.encode(document), id: document.id, tokens: document.tokens.count)
        } catch {
            return .failed(BatchFailure(id: document.id, source: document.metadata.source ?? document.id,
                                        reason: "`\(error.annotator)` failed: \(error.reason)"))
        }
    }
}

private struct Interrupted: Error {}

enum WorkResult: Sendable {
    case annotated([UInt8], id: String, tokens: Int)
    case failed(BatchFailure)
}

/// Documents waiting for a worker, and results waiting to be written in order. The reader may run at
/// most `window` documents ahead of the writer, which bounds memory.
final class WorkQueue: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [(Int, Document)] = []
    private var pendingHead = 0
    private var results: [Int: WorkResult] = [:]
    private var submitted = 0
    private var written = 0
    private var closed = false
    private let window: Int

    init(window: Int) { self.window = window }

    /// Queues a document; waits while the window is full, and returns results ready to write in order.
    func submit(_ document: Document) -> [WorkResult] {
        condition.lock()
        defer { condition.unlock() }
        pending.append((submitted, document))
        submitted += 1
        condition.broadcast()
        var ready = takeReady()
        while submitted - written >= window {
            condition.wait()
            ready += takeReady()
        }
        return ready
    }

    /// Results ready to write in order, without waiting.
    func ready() -> [WorkResult] {
        condition.lock()
        defer { condition.unlock() }
        return takeReady()
    }

    /// Drops documents no worker has started (after Ctrl-C).
    func cancelPending() {
        condition.lock()
        submitted -= pending.count - pendingHead
        pending.removeAll()
        pendingHead = 0
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the queue and waits for every result, returning them in order. After a cancel, stops at
    /// the first gap so output stays an in-order prefix of the input.
    func finish() -> [WorkResult] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        var ready = takeReady()
        while written < submitted {
            condition.wait()
            ready += takeReady()
        }
        return ready
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
    func work(_ process: (Document) -> WorkResult) {
        condition.lock()
        while true {
            while pendingHead == pending.count, !closed { condition.wait() }
            if pendingHead == pending.count {
                condition.unlock()
                return
            }
            let (sequence, document) = pending[pendingHead]
            pendingHead += 1
            if pendingHead > 1024, pendingHead * 2 > pending.count {
                pending.removeFirst(pendingHead)
                pendingHead = 0
            }
            condition.unlock()
            let result = process(document)
            condition.lock()
            results[sequence] = result
            condition.broadcast()
        }
    }
}
