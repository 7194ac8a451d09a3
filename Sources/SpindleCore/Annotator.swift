/// One step of a pipeline: reads the layers it requires and adds the layers it provides.
///
/// The contract every implementation keeps (and `SpindleTestKit.checkAnnotatorConformance` checks):
/// - It never changes `document.text` (it cannot) and adds only the layers in `provides`.
/// - Every span it adds lies inside the text, and each layer's spans are sorted by start.
/// - The same input gives the same output, whichever thread runs it and however many run at once:
///   an annotator is `Sendable`, holds immutable loaded models, and keeps no per-document state.
/// - A document it cannot handle makes it throw an `AnnotationError`, never crash; the batch goes on.
///
/// ```swift
/// struct Shout: Annotator {
///     var requires: Set<LayerName> { [.tokens] }
///     var provides: Set<LayerName> { [Shouts.name] }
///     func annotate(_ document: inout Document) throws {
///         document[Shouts.self] = document.tokens.filter { ... }
///     }
/// }
/// ```
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

/// An annotator's reason for giving up on one document.
public struct AnnotationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
