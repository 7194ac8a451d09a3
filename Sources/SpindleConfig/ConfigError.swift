import SpindleCore

/// Why a pipeline file could not be read. Messages start with `file:line:column` where known.
public enum ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(name: String, searched: [String], available: [String])
    case unreadable(path: String, reason: String)
    case syntax(message: String, location: SourceLocation)
    case unexpected(expected: String, found: String, location: SourceLocation)
    case unknownKey(key: String, suggestion: String?, valid: [String], location: SourceLocation)
    case missingKey(key: String, location: SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .notFound, .unreadable: nil
        case .syntax(_, let location), .unexpected(_, _, let location), .unknownKey(_, _, _, let location),
             .missingKey(_, let location):
            location
        }
    }

    public var message: String {
        switch self {
        case .notFound(let name, let searched, let available):
            let hint = nearestName(to: name, in: available).map { "; did you mean `\($0)`?" }
                ?? (available.isEmpty ? "" : "; available: \(available.joined(separator: ", "))")
            return "no pipeline `\(name)` (looked for \(searched.joined(separator: ", ")))\(hint)"
        case .unreadable(let path, let reason):
            return "cannot read pipeline file \(path): \(reason)"
        case .syntax(let message, _):
            return "YAML syntax error: \(message)"
        case .unexpected(let expected, let found, _):
            return "expected \(expected), found \(found)"
        case .unknownKey(let key, let suggestion, let valid, _):
            let hint = suggestion.map { "did you mean `\($0)`?" } ?? "valid keys: \(valid.joined(separator: ", "))"
            return "unknown key `\(key)`; \(hint)"
        case .missingKey(let key, _):
            return "missing key `\(key)`"
        }
    }

    public var description: String {
        if let location { "\(location): \(message)" } else { message }
    }
}
