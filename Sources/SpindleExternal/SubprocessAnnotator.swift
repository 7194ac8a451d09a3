import Foundation
import SpindleCore
import SpindleIO

/// Options of the `external` annotator, written in the pipeline file:
///
/// ```yaml
/// - external:
///     command: [python3, scripts/spacy_entities.py]
///     requires: [tokens]
///     provides: [spacy_entities]
///     timeout: 30
/// ```
public struct SubprocessOptions: AnnotatorOptions, Equatable {
    /// The program and its arguments (looked up on PATH; run from the project folder).
    public var command: [String] = []
    public var requires: [String] = []
    public var provides: [String] = []
    /// Seconds to wait for the reply to one document before the child is stopped and restarted.
    public var timeout: Double = 30

    public init() {}

    public static let help = [
        "command": "program and arguments; reads one document JSON per line on stdin, writes one JSON object of layers per line",
        "requires": "layers the program needs (checked when the pipeline is built)",
        "provides": "layers the program adds; the reply must contain each of them",
        "timeout": "seconds to wait for one reply (default 30)",
    ]
}

/// Runs any program as an annotator: it reads documents as JSON lines (the output contract) on standard
/// input and answers each with one JSON line holding the layers it provides, e.g. `{"keywords": [...]}`.
///
/// Children are started on demand, one per thread that needs one, and reused. A child that times out,
/// dies or replies with something that is not the promised layers fails that document with a clear
/// reason and is replaced by a fresh one for the next.
public struct SubprocessAnnotator: Annotator {
    public let options: SubprocessOptions
    public let requires: Set<LayerName>
    public let provides: Set<LayerName>
    private let pool: ChildPool
    private let table: LayerTable

    public init(_ options: SubprocessOptions, directory: String = ".", table: LayerTable = .builtIn) throws(AnnotatorSetupError) {
        guard !options.command.isEmpty else {
            throw .option("command", "give the program to run, e.g. [python3, my_annotator.py]")
        }
        guard !options.provides.isEmpty else {
            throw .option("provides", "name at least one layer the program adds")
        }
        self.options = options
        self.table = table
        self.requires = Set(options.requires.map { LayerName($0) })
        self.provides = Set(options.provides.map { LayerName($0) })
        self.pool = ChildPool(command: options.command, directory: directory)
        // Start one child now, and give it a moment: a missing program or script is reported when the
        // pipeline loads, not once per document.
        do {
            let child = try pool.acquire()
            if let failure = child.exitedEarly(within: 0.3) { throw failure }
            pool.release(child)
        } catch {
            throw AnnotatorSetupError("`\(options.command.joined(separator: " "))` \(error)")
        }
    }

    public func annotate(_ document: inout Document) throws {
        let command = options.command.joined(separator: " ")
        if let reason = pool.givenUp {
            throw AnnotationError("`\(command)` failed \(ChildPool.failureLimit) times in a row, so it is not restarted again: \(reason)")
        }
        let request = DocumentJSONWriter().encode(document)
        let reply: [UInt8]
        let child: ChildProcess
        var started: ChildProcess?
        do {
            var candidate = try pool.acquire()
            if candidate.hasUnansweredOutput() {
                // It answered an earlier document twice: every reply from it would be one document late.
                candidate.stop()
                candidate = try pool.acquire()
            }
            child = candidate
            started = child
            reply = try child.exchange(request, timeout: options.timeout)
        } catch {
            started?.stop()
            pool.recordFailure("\(error)")
            throw AnnotationError("`\(command)` \(error)")
        }
        pool.recordSuccess()
        do {
            let layers = try JSONDecoder().decode([String: JSONValue].self, from: Data(reply))
            if let id = layers["id"], id.stringValue != document.id {
                // A reply that names its document must name this one: the child is out of step.
                throw ContractJSONError(description: "the reply is for document \(String(decoding: id.jsonBytes, as: UTF8.self)), not \(document.id)")
            }
            let scalarCount = document.text.unicodeScalars.count
            var updated = document
            for name in provides.sorted() {
                guard let value = layers[name.rawValue] else {
                    throw ContractJSONError(description: "the reply has no `\(name)` layer")
                }
                try Self.checkSpans(value, layer: name, scalarCount: scalarCount)
                try updated.setLayer(name, json: value, table: table)
            }
            document = updated
        } catch {
            // A child that answered out of turn may be out of step from now on: replace it.
            child.stop()
            let shown = String(decoding: reply.prefix(200), as: UTF8.self)
            throw AnnotationError("`\(options.command.joined(separator: " "))` gave a malformed reply (\(error)): \(shown)")
        }
        pool.release(child)
    }

    /// Checks the spans of a returned layer before it is accepted: every item with `start`/`end` (and
    /// every span inside one, such as a quote's `speaker`) lies inside the text, `start <= end`, and
    /// the items are sorted by `start`, as the output contract says.
    static func checkSpans(_ value: JSONValue, layer: LayerName, scalarCount: Int) throws {
        guard case .array(let items) = value else { return }
        func bounds(_ item: JSONValue) throws -> Int? {
            guard let fields = item.objectValue else { return nil }
            for nested in fields.values where nested.objectValue != nil { _ = try bounds(nested) }
            let start = fields["start"], end = fields["end"]
            if start == nil, end == nil { return nil }
            guard case .int(let from)? = start, case .int(let to)? = end, 0 <= from, from <= to, to <= scalarCount else {
                throw ContractJSONError(description: "layer `\(layer)` has a span outside the text (0...\(scalarCount)): "
                                            + String(decoding: item.jsonBytes.prefix(120), as: UTF8.self))
            }
            return from
        }
        var previous = Int.min
        for item in items {
            guard let start = try bounds(item) else { continue }
            guard start >= previous else {
                throw ContractJSONError(description: "layer `\(layer)` is not sorted: a span starting at \(start) after one at \(previous)")
            }
            previous = start
        }
    }
}

/// Idle children, shared by the threads of a batch.
final class ChildPool: @unchecked Sendable {
    private let command: [String]
    private let directory: String
    private let lock = NSLock()
    private var idle: [ChildProcess] = []
    private var consecutiveFailures = 0
    private var lastFailure = ""
    /// Children that crash or hang this many documents in a row are not restarted any more: the rest of
    /// the batch fails fast instead of paying a start-up (or a timeout) per document.
    static let failureLimit = 5

    init(command: [String], directory: String) {
        self.command = command
        self.directory = directory
    }

    func acquire() throws -> ChildProcess {
        if let child = lock.withLock({ idle.popLast() }), child.isRunning { return child }
        return try ChildProcess(command: command, directory: directory)
    }

    var givenUp: String? {
        lock.withLock { consecutiveFailures >= Self.failureLimit ? lastFailure : nil }
    }

    func recordFailure(_ reason: String) {
        lock.withLock {
            consecutiveFailures += 1
            lastFailure = reason
        }
    }

    func recordSuccess() { lock.withLock { consecutiveFailures = 0 } }

    func release(_ child: ChildProcess) {
        guard child.isRunning else { return }
        lock.withLock { idle.append(child) }
    }
}

extension SubprocessAnnotator {
    /// Written by hand: the layers are the options' `requires` and `provides`.
    public static let descriptor = AnnotatorDescriptor(
        name: "external",
        summary: "any program that reads documents as JSON lines and answers with layers",
        provides: [],
        defaults: JSONValue(encoding: SubprocessOptions()) ?? .object([:]),
        options: SubprocessOptions.help,
        origin: .subprocess
    ) { context in
        try SubprocessAnnotator(try context.decode(SubprocessOptions.self), directory: context.baseDirectory, table: context.layers)
    }
}

/// The `external` annotator, as a plugin manifest.
public let externalPlugin = PluginManifest(name: "External", annotators: [SubprocessAnnotator.descriptor])
