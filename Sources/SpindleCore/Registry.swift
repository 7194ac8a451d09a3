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

/// What an annotator factory gets: its options (defaults with the pipeline file's overrides laid on top),
/// the resource locator that finds its models, and where each option was written, for messages.
public struct AnnotatorContext: Sendable {
    /// The registered name (`entities`).
    public var annotatorName: String
    /// The step's name in its pipeline: the registered name, or the `name:` the file gives the step.
    public var stepName: String
    public var options: JSONValue
    public var resources: ResourceLocator
    /// The registry's layer types, for annotators that receive layers as JSON (subprocesses, libraries).
    public var layers: LayerTable
    public var language: String
    /// Where each option was written, by dotted key path ("" is the annotator's own entry).
    public var locations: [String: SourceLocation]

    public init(annotatorName: String, stepName: String? = nil, options: JSONValue = .object([:]),
                resources: ResourceLocator = ResourceLocator(folders: ["."]), layers: LayerTable = .builtIn,
                language: String = "en", locations: [String: SourceLocation] = [:]) {
        self.annotatorName = annotatorName
        self.stepName = stepName ?? annotatorName
        self.options = options
        self.resources = resources
        self.layers = layers
        self.language = language
        self.locations = locations
    }

    @available(*, deprecated, message: "pass a ResourceLocator: `resources: ResourceLocator(folders: [baseDirectory])`")
    public init(annotatorName: String, options: JSONValue = .object([:]), baseDirectory: String,
                language: String = "en", locations: [String: SourceLocation] = [:]) {
        self.init(annotatorName: annotatorName, options: options, resources: ResourceLocator(folders: [baseDirectory]),
                  language: language, locations: locations)
    }

    /// The first folder resources are looked up in: the pipeline file's base folder.
    public var baseDirectory: String { resources.folders.first ?? "." }

    @available(*, deprecated, renamed: "resources.path(of:option:)")
    public func resolve(path: String) -> String {
        resources.locate(path) ?? resources.candidates(path).first ?? path
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

    /// A setup error as the pipeline reports it: the step, the option and where it was written.
    public func pipelineError(_ error: AnnotatorSetupError) -> PipelineError {
        if let key = error.key {
            return .invalidOption(annotator: stepName, key: key, message: error.message,
                                  location: location(of: key.split(separator: ".").map(String.init)))
        }
        return .annotatorFailedToLoad(annotator: stepName, reason: error.message, location: location(of: []))
    }

    /// Decodes the options into their typed form, turning decoding failures into errors that name the key
    /// and where it was written.
    public func decode<Options: AnnotatorOptions>(_ type: Options.Type) throws(PipelineError) -> Options {
        do {
            let data = try JSONEncoder().encode(options)
            return try JSONDecoder().decode(Options.self, from: data)
        } catch let error as DecodingError {
            let (path, message) = Self.explain(error)
            throw .invalidOption(annotator: stepName, key: path.joined(separator: "."), message: message,
                                 location: location(of: path))
        } catch {
            throw .invalidOption(annotator: stepName, key: "", message: "\(error)", location: location(of: []))
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
    /// Help written for keys that are not options (a typo in `help`), for the conformance suite.
    public var helpWithoutOption: [String]
    public var origin: AnnotatorOrigin
    public var make: @Sendable (AnnotatorContext) throws(PipelineError) -> any Annotator

    /// The descriptor of a self-describing annotator type: everything comes from the type and its options.
    public init<A: DescribedAnnotator>(_ type: A.Type, origin: AnnotatorOrigin? = nil) {
        let defaults = JSONValue(encoding: A.Options()) ?? .object([:])
        var keys: [String: String] = [:]
        for key in defaults.objectValue?.keys ?? [:].keys { keys[key] = "" }
        for key in A.Options.optionalKeys { keys[key] = "" }
        var stray: [String] = []
        for (key, help) in A.Options.help {
            if keys[key] != nil { keys[key] = help } else { stray.append(key) }
        }
        name = A.name
        summary = A.summary
        version = A.version
        requires = A.layers.requires
        uses = A.layers.uses
        provides = A.layers.provides
        self.defaults = defaults
        options = keys
        helpWithoutOption = stray.sorted()
        self.origin = origin ?? .builtIn(module: String(reflecting: A.self).split(separator: ".").first.map(String.init) ?? "host")
        make = { (context) throws(PipelineError) in
            let options = try context.decode(A.Options.self)
            do throws(AnnotatorSetupError) {
                return try A(options: options, context: context)
            } catch {
                throw context.pipelineError(error)
            }
        }
    }

    /// A descriptor written out by hand: for annotators whose layers are known only from options, and for
    /// the shared-library bridge.
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
        self.helpWithoutOption = []
        self.origin = origin
        self.make = { (context) throws(PipelineError) in
            do {
                return try make(context)
            } catch let error as PipelineError {
                throw error
            } catch let error as AnnotatorSetupError {
                throw context.pipelineError(error)
            } catch {
                throw .annotatorFailedToLoad(annotator: context.stepName, reason: "\(error)", location: context.location(of: []))
            }
        }
    }

    @available(*, deprecated, message: "conform the annotator to DescribedAnnotator and use `AnnotatorDescriptor(MyAnnotator.self)`")
    public init<Options: AnnotatorOptions>(
        name: String, summary: String, version: String = "1.0", requires: Set<LayerName> = [],
        uses: Set<LayerName> = [], provides: Set<LayerName>, options: Options.Type, origin: AnnotatorOrigin,
        make: @escaping @Sendable (Options, AnnotatorContext) throws -> any Annotator
    ) {
        let defaults = JSONValue(encoding: Options()) ?? .object([:])
        var keys: [String: String] = [:]
        for key in defaults.objectValue?.keys ?? [:].keys { keys[key] = "" }
        for key in Options.optionalKeys { keys[key] = "" }
        for (key, help) in Options.help where keys[key] != nil { keys[key] = help }
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
    /// The layer types of every registered plugin, with the built-in ones.
    public private(set) var layers = LayerTable.builtIn

    public init() {}

    /// A registry of the manifests' annotators and layer types.
    public init(_ manifests: [PluginManifest]) throws(RegistryError) {
        for manifest in manifests { try register(manifest) }
    }

    public mutating func register(_ manifest: PluginManifest) throws(RegistryError) {
        for layer in manifest.layers { try layers.register(layer) }
        try register(manifest.annotators)
    }

    public mutating func register(layer: LayerKind) throws(RegistryError) { try layers.register(layer) }

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
    case duplicateLayer(LayerName, existing: String, new: String)

    public var description: String {
        switch self {
        case .duplicateName(let name, let existing, let new):
            "two annotators are registered as `\(name)`: one \(existing), one \(new); rename one of them"
        case .duplicateLayer(let name, let existing, let new):
            "two layer types are named `\(name)`: \(existing) and \(new); rename one of them"
        }
    }
}
