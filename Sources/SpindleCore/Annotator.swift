/// One step of a pipeline: reads the layers it requires and adds the layers it provides.
///
/// The contract every implementation keeps (and `SpindleTestKit.checkAnnotatorConformance` checks):
/// - It never changes `document.text` (it cannot) and adds only the layers in `provides`.
/// - Every span it adds lies inside the text, and each layer's spans are sorted by start.
/// - The same input gives the same output, whichever thread runs it and however many run at once:
///   an annotator is `Sendable`, holds immutable loaded models, and keeps no per-document state.
/// - A document it cannot handle makes it throw an `AnnotationError`, never crash; the batch goes on.
///
/// Annotators made from pipeline files conform to `DescribedAnnotator`, which adds their name,
/// options and factory; `Annotator` alone is enough for pipelines built in code.
public protocol Annotator: Sendable {
    /// Layers that must be present before this annotator runs; a pipeline without them is refused.
    var requires: Set<LayerName> { get }
    /// Layers read when present, but not needed (quotes use entities when the pipeline has them).
    var uses: Set<LayerName> { get }
    /// Layers this annotator adds.
    var provides: Set<LayerName> { get }

    func annotate(_ document: inout Document) throws
}

extension Annotator {
    public var uses: Set<LayerName> { [] }
}

/// The layers an annotator needs, reads when present, and adds: written once, on the type.
public struct LayerRequirements: Hashable, Sendable {
    public var requires: Set<LayerName>
    public var uses: Set<LayerName>
    public var provides: Set<LayerName>

    public init(requires: Set<LayerName> = [], uses: Set<LayerName> = [], provides: Set<LayerName>) {
        self.requires = requires
        self.uses = uses
        self.provides = provides
    }
}

/// An annotator that describes itself: its registered name, summary, version, layers and typed
/// options, and how it is made from them. Its `AnnotatorDescriptor` is derived from the type, so
/// nothing is written twice.
///
/// ```swift
/// public struct KeywordTagger: DescribedAnnotator {
///     public static let name = "keywords"
///     public static let summary = "tokens that are one of a list of words"
///     public static let layers = LayerRequirements(requires: [.tokens], provides: [Keywords.name])
///
///     public init(options: KeywordOptions, context: AnnotatorContext) throws(AnnotatorSetupError) { … }
///     public func annotate(_ document: inout Document) throws { … }
/// }
///
/// public let spindlePlugin = PluginManifest(name: "Keywords", annotators: [KeywordTagger.self], layers: [Keywords.self])
/// ```
public protocol DescribedAnnotator: Annotator {
    associatedtype Options: AnnotatorOptions = NoOptions
    /// The name pipeline files use.
    static var name: String { get }
    /// One line for `spindle annotators`.
    static var summary: String { get }
    static var version: String { get }
    /// The layers with default options; an instance may differ (`requires`, `provides`) when options
    /// change them.
    static var layers: LayerRequirements { get }

    /// Makes the annotator from its options (defaults overridden by the pipeline file). Setup problems
    /// are `AnnotatorSetupError`s naming the option at fault, which the pipeline reports with the
    /// file, line and column where that option was written.
    init(options: Options, context: AnnotatorContext) throws(AnnotatorSetupError)
}

extension DescribedAnnotator {
    public static var version: String { "1.0" }
    public var requires: Set<LayerName> { Self.layers.requires }
    public var uses: Set<LayerName> { Self.layers.uses }
    public var provides: Set<LayerName> { Self.layers.provides }

    /// The registry's entry for this type.
    public static var descriptor: AnnotatorDescriptor { AnnotatorDescriptor(Self.self) }
}

/// Why an annotator could not be made from its options: the one form every factory throws.
///
/// `key` names the option at fault (a dotted path such as `limits.max`), or is nil when the annotator
/// as a whole cannot load; the pipeline adds the annotator's step name and where the key was written.
public struct AnnotatorSetupError: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String?
    public var message: String

    public init(_ message: String, key: String? = nil) {
        self.key = key
        self.message = message
    }

    /// A problem with one option.
    public static func option(_ key: String, _ message: String) -> AnnotatorSetupError {
        AnnotatorSetupError(message, key: key)
    }

    public var description: String { key.map { "option `\($0)`: \(message)" } ?? message }
}

/// An annotator's reason for giving up on one document.
public struct AnnotationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
