/// Why a pipeline could not be built. Each message says where (file:line:column when known), what is
/// wrong, and what would fix it.
public enum PipelineError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty(pipeline: String, location: SourceLocation?)
    case unknownAnnotator(name: String, suggestion: String?, available: [String], location: SourceLocation?)
    case unknownOption(annotator: String, key: String, suggestion: String?, valid: [String], location: SourceLocation?)
    case invalidOption(annotator: String, key: String, message: String, location: SourceLocation?)
    case unmetRequirement(annotator: String, layer: LayerName, providers: [String], location: SourceLocation?)
    case optionalLayerTooLate(annotator: String, layer: LayerName, provider: String, location: SourceLocation?)
    case annotatorFailedToLoad(annotator: String, reason: String, location: SourceLocation?)
    case duplicateStep(name: String, location: SourceLocation?)

    public var location: SourceLocation? {
        switch self {
        case .empty(_, let location), .unknownAnnotator(_, _, _, let location),
             .unknownOption(_, _, _, _, let location), .invalidOption(_, _, _, let location),
             .unmetRequirement(_, _, _, let location), .optionalLayerTooLate(_, _, _, let location),
             .annotatorFailedToLoad(_, _, let location), .duplicateStep(_, let location):
            location
        }
    }

    public var message: String {
        switch self {
        case .empty(let pipeline, _):
            return "pipeline `\(pipeline)` has no annotators; expected a list under `annotators:`"
        case .unknownAnnotator(let name, let suggestion, let available, _):
            let hint = suggestion.map { "did you mean `\($0)`?" } ?? "available: \(available.joined(separator: ", "))"
            return "unknown annotator `\(name)`; \(hint)"
        case .unknownOption(let annotator, let key, let suggestion, let valid, _):
            let hint = suggestion.map { "did you mean `\($0)`?" }
                ?? (valid.isEmpty ? "it takes no options" : "valid options: \(valid.joined(separator: ", "))")
            return "`\(annotator)` has no option `\(key)`; \(hint)"
        case .invalidOption(let annotator, let key, let message, _):
            return key.isEmpty ? "options of `\(annotator)`: \(message)" : "option `\(key)` of `\(annotator)`: \(message)"
        case .unmetRequirement(let annotator, let layer, let providers, _):
            let hint = providers.isEmpty ? "no registered annotator provides it"
                : "add \(providers.map { "`\($0)`" }.joined(separator: " or ")) before it"
            return "`\(annotator)` requires the `\(layer)` layer, which no earlier annotator provides; \(hint)"
        case .optionalLayerTooLate(let annotator, let layer, let provider, _):
            return "`\(annotator)` uses the `\(layer)` layer, but `\(provider)` provides it only later; move `\(provider)` before `\(annotator)`"
        case .annotatorFailedToLoad(let annotator, let reason, _):
            return "`\(annotator)` could not be loaded: \(reason)"
        case .duplicateStep(let name, _):
            return "two steps are named `\(name)`; give one of them another name with `name:` in its options"
        }
    }

    public var description: String {
        if let location { "\(location): \(message)" } else { message }
    }
}

/// An annotator gave up on one document. The batch reports it and goes on with the next.
public struct AnnotationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var documentID: String
    public var annotator: String
    public var reason: String

    public init(documentID: String, annotator: String, reason: String) {
        self.documentID = documentID
        self.annotator = annotator
        self.reason = reason
    }

    public var description: String { "document `\(documentID)`: `\(annotator)` failed: \(reason)" }
}
