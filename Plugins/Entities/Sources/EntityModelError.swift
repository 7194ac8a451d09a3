/// Why an entity model could not be loaded or saved. Each message names the file and what to do.
public enum EntityModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case notAModel(path: String)
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    case corrupt(path: String, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        let retrain = "retrain it with `spindle train entities --train FILE... -o \(pathText)` (see docs/entities.md)"
        switch self {
        case .missing(let path):
            return "model file \(path) does not exist; set the `model` option to a trained model, or \(retrain)"
        case .unreadable(let path, let reason):
            return "cannot read model file \(path): \(reason)"
        case .notAModel(let path):
            return "\(path) is not a Spindle entity model (wrong magic bytes); point the `model` option at an `.model` file made by `spindle train entities`"
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path) is an entity model of format version \(found), this build reads version \(supported); \(retrain)"
        case .corrupt(let path, let reason):
            return "model file \(path) is damaged (\(reason)); restore it from where it came (the shipped model: "
                + "`git checkout -- models/entities-en.model` in the Spindle checkout, see models/entities-en.manifest.json) or \(retrain)"
        case .unwritable(let path, let reason):
            return "cannot write model file \(path): \(reason)"
        }
    }

    private var pathText: String {
        switch self {
        case .missing(let path), .unreadable(let path, _), .notAModel(let path), .unsupportedVersion(let path, _, _),
             .corrupt(let path, _), .unwritable(let path, _):
            path
        }
    }
}
