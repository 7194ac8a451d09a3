import Foundation

/// Where an annotator comes from, shown by `spindle annotators`.
public enum AnnotatorOrigin: Hashable, Sendable, CustomStringConvertible {
    /// Compiled into this build, from the named module.
    case builtIn(module: String)
    /// Loaded at run time from a shared library.
    case sharedLibrary(path: String)
    /// A program run as a child process.
    case subprocess

    public var description: String {
        switch self {
        case .builtIn(let module): "built-in (\(module))"
        case .sharedLibrary(let path): "shared library (\(path))"
        case .subprocess: "subprocess"
        }
    }
}

/// What an annotator factory gets: its options (defaults with the pipeline file's overrides laid on top)
/// and where the pipeline file is, so relative model paths resolve the same from any working directory.
public struct AnnotatorContext: Sendable {
    public var annotatorName: String
    public var options: JSONValue
    /// The folder relative paths in options are resolved against: the project root for files under
    /// `pipelines/`, otherwise the pipeline file's own folder.
    public var baseDirectory: String
    public var language: String
    /// Where each option was written, by dotted key path ("" is the annotator's own entry).
    public var locations: [String: SourceLocation]

    public init(annotatorName: String, options: JSONValue = .object([:]), baseDirectory: String = ".",
                language: String = "en", locations: [String: SourceLocation] = [:]) {
        self.annotatorName = annotatorName
        self.options = options
        self.baseDirectory = baseDirectory
        self.language = language
        self.locations = locations
    }

    /// Resolves a path from the options against `baseDirectory`.
    public func resolve(path: String) -> String {
        if path.hasPrefix("/") { return path }
        return baseDirectory == "." ? path : baseDirectory + "/" + path
    }

    /// The location of an option key, or of the annotator entry when the key has none.
    public func location(of keyPath: [String]) -> SourceLocation? {
        var path = keyPath
        while true {
            if let location = locations[path.joined(separator: ".")] { return location }
            if path.isEmpty { return nil }
            path.removeLast()
        }
    }

    /// Decodes the options into their typed form, turning decoding failures into errors that name the key
    /// and where it was written.
    public func decode<Options: AnnotatorOptions>(_ type: Options.Type) throws(PipelineError) -> Options {
        do {
            let data = try JSONEncoder().encode(options)
            return try JSONDecoder().decode(Options.self, from: data)
        } catch let error as DecodingError {
            let (path, message) = Self.explain(error)
            throw .invalidOption(annotator: annotatorName, key: path.joined(separator: "."), message: message,
                                 location: location(of: path))
        } catch {
            throw .invalidOption(annotator: annotatorName, key: "", message: "\(error)", location: location(of: []))
        }
    }

    private static func explain(_ error: DecodingError) -> ([String], String) {
        func keys(_ path: [any CodingKey]) -> [String] { path.map { $0.intValue.map(String.init) ?? $0.stringValue } }
        switch error {
        case .typeMismatch(let type, let context):
            return (keys(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return (keys(context.codingPath), "expected \(describe(type)), found nothing")
        case .keyNotFound(let key, let context):
            return (keys(context.codingPath), "missing key `\(key.stringValue)`")
        case .dataCorrupted(let context):
            return (keys(context.codingPath), context.debugDescription)
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [String].Type: "a list of strings"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "a value of type \(type)"
        }
    }
}

/// Everything the registry knows of one annotator: how to describe it, and how to make it.
public struct AnnotatorDescriptor: Sendable {
    public var name: String
    public var summary: String
    public var version: String
    /// Informational: what the annotator needs and adds with default options. The pipeline checks the
    /// values of the built annotator, which may depend on options.
    public var requires: Set<LayerName>
    public var uses: Set<LayerName>
    public var provides: Set<LayerName>
    /// The encoded default options; a pipeline file's options are laid over them.
    public var defaults: JSONValue
    /// Valid option keys with one line of help each (empty help where none was written).
    public var options: [String: String]
    public var origin: AnnotatorOrigin
    public var make: @Sendable (AnnotatorContext) throws -> any Annotator

    public init(name: String, summary: String, version: String = "1.0", requires: Set<LayerName> = [],
                uses: Set<LayerName> = [], provides: Set<LayerName>, defaults: JSONValue = .object([:]),
                options: [String: String] = [:], origin: AnnotatorOrigin,
                make: @escaping @Sendable (AnnotatorContext) throws -> any Annotator) {
        self.name = name
        self.summary = summary
        self.version = version
        self.requires = requires
        self.uses = uses
        self.provides = provides
        self.defaults = defaults
        self.options = options
        self.origin = origin
        self.make = make
    }

    /// A descriptor whose factory receives typed options: `Options()` overridden by the pipeline file.
    public init<Options: AnnotatorOptions>(
        name: String, summary: String, version: String = "1.0", requires: Set<LayerName> = [],
        uses: Set<LayerName> = [], provides: Set<LayerName>, options: Options.Type, origin: AnnotatorOrigin,
        make: @escaping @Sendable (Options, AnnotatorContext) throws -> any Annotator
    ) {
        let defaults = (try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(Options()))) ?? .object([:])
        var keys = Options.help
        for key in defaults.objectValue?.keys ?? [:].keys where keys[key] == nil { keys[key] = "" }
        for key in Options.optionalKeys where keys[key] == nil { keys[key] = "" }
        self.init(name: name, summary: summary, version: version, requires: requires, uses: uses,
                  provides: provides, defaults: defaults, options: keys, origin: origin) { context in
            try make(try context.decode(Options.self), context)
        }
    }
}

/// Annotator factories by name. A value: a host program builds one at start-up (the built-in plugins
/// each add theirs) and hands it to whatever loads pipelines; there is no global mutable registry.
public struct AnnotatorRegistry: Sendable {
    private var descriptors: [String: AnnotatorDescriptor] = [:]

    public init() {}

    public init(_ descriptors: [AnnotatorDescriptor]) throws(RegistryError) {
        for descriptor in descriptors { try register(descriptor) }
    }

    public mutating func register(_ descriptor: AnnotatorDescriptor) throws(RegistryError) {
        if let existing = descriptors[descriptor.name] {
            throw .duplicateName(descriptor.name, existing: existing.origin, new: descriptor.origin)
        }
        descriptors[descriptor.name] = descriptor
    }

    public mutating func register(_ descriptors: [AnnotatorDescriptor]) throws(RegistryError) {
        for descriptor in descriptors { try register(descriptor) }
    }

    public subscript(name: String) -> AnnotatorDescriptor? { descriptors[name] }

    public var names: [String] { descriptors.keys.sorted() }

    /// All descriptors, sorted by name.
    public var all: [AnnotatorDescriptor] { names.compactMap { descriptors[$0] } }
}

public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateName(String, existing: AnnotatorOrigin, new: AnnotatorOrigin)

    public var description: String {
        switch self {
        case .duplicateName(let name, let existing, let new):
            "two annotators are registered as `\(name)`: one \(existing), one \(new); rename one of them"
        }
    }
}
