import Foundation
import SpindleCore
import Yams

/// Reads pipeline files: YAML with `name`, `language`, `annotators` and `plugins`.
///
/// ```yaml
/// name: news
/// annotators:
///   - tokenize
///   - entities:
///       model: models/entities-en.model
/// ```
///
/// Every node keeps its line and column, so the core's option errors point into the file too.
public enum PipelineFile {
    static let topLevelKeys = ["name", "description", "language", "annotators", "plugins"]

    /// Reads and checks the structure of a pipeline file (not yet the annotators: that is the registry's job).
    public static func load(path: String) throws(ConfigError) -> PipelineDescription {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        return try parse(yaml, file: path, baseDirectory: baseDirectory(for: path))
    }

    /// Parses pipeline YAML; `file` is used in messages only.
    /// `baseDirectory` is where the file's relative names are looked for first; the standard resource
    /// folders (`ResourceFolders`) come after it.
    public static func parse(_ yaml: String, file: String = "<pipeline>", baseDirectory: String = ".") throws(ConfigError) -> PipelineDescription {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .syntax(message: "\(error)", location: SourceLocation(file: file, line: 1, column: 1))
        }
        let reader = NodeReader(file: file)
        guard let root, case .mapping(let mapping) = root else {
            throw .unexpected(expected: "a mapping with `annotators:` (and optionally `name:`, `language:`, `plugins:`)",
                              found: root.map(reader.describe) ?? "an empty file", location: reader.location(of: root))
        }
        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var language = "en"
        var steps: [PipelineDescription.Step]?
        var plugins: [String] = []
        for (keyNode, value) in mapping {
            let key = try reader.string(keyNode, expected: "a key")
            switch key {
            case "name": name = try reader.string(value, expected: "a pipeline name")
            case "description": _ = try reader.string(value, expected: "a description")
            case "language": language = try reader.string(value, expected: "a language code such as `en`")
            case "annotators": steps = try reader.steps(value)
            case "plugins":
                guard case .sequence(let sequence) = value else {
                    throw .unexpected(expected: "a list of shared library paths", found: reader.describe(value), location: reader.location(of: value))
                }
                plugins = try sequence.map { (node) throws(ConfigError) in
                    let path = try reader.string(node, expected: "a shared library path")
                    return path.hasPrefix("/") ? path : (baseDirectory == "." ? path : baseDirectory + "/" + path)
                }
            default:
                throw .unknownKey(key: key, suggestion: nearestName(to: key, in: topLevelKeys), valid: topLevelKeys,
                                  location: reader.location(of: keyNode))
            }
        }
        guard let steps else { throw .missingKey(key: "annotators", location: reader.location(of: root)) }
        return PipelineDescription(name: name, language: language, steps: steps, file: file,
                                   resources: ResourceFolders.locator(base: baseDirectory), plugins: plugins)
    }

    /// Files under a `pipelines/` folder name models relative to the project root (the folder above);
    /// any other file relative to its own folder.
    static func baseDirectory(for path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let base = folder.lastPathComponent == "pipelines" ? folder.deletingLastPathComponent() : folder
        let relative = base.path
        let current = FileManager.default.currentDirectoryPath
        if relative == current { return "." }
        if relative.hasPrefix(current + "/") { return String(relative.dropFirst(current.count + 1)) }
        return relative
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? problem
            return .syntax(message: detail, location: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(message: "duplicate keys \(duplicates.joined(separator: ", "))", location: at(context.mark))
        case .reader(let problem, _, _, _):
            return .syntax(message: problem, location: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .syntax(message: "\(error)", location: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// Turns Yams nodes into typed values, keeping their positions.
struct NodeReader {
    let file: String

    func location(of node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "`\(scalar.string)`"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func string(_ node: Node, expected: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw .unexpected(expected: expected, found: describe(node), location: location(of: node))
        }
        return scalar.string
    }

    /// `annotators:` — a list whose items are a bare name or a one-key mapping `name: {options}`.
    func steps(_ node: Node) throws(ConfigError) -> [PipelineDescription.Step] {
        guard case .sequence(let sequence) = node else {
            throw .unexpected(expected: "a list of annotators (`- tokenize`)", found: describe(node), location: location(of: node))
        }
        return try sequence.map { (item) throws(ConfigError) in
            switch item {
            case .scalar:
                let name = try string(item, expected: "an annotator name")
                if name.contains(where: \.isWhitespace) {
                    // A plain YAML scalar runs on over mis-indented lines: "- tokenize\n   - sentences".
                    throw .unexpected(expected: "one annotator name per `- ` line (check the indentation below it)",
                                      found: "`\(name)`", location: location(of: item))
                }
                return PipelineDescription.Step(name: name, locations: ["": location(of: item)])
            case .mapping(let mapping) where mapping.count == 1:
                let (keyNode, optionsNode) = mapping.first!
                let name = try string(keyNode, expected: "an annotator name")
                var locations = ["": location(of: keyNode)]
                let options: JSONValue
                if case .scalar(let scalar) = optionsNode, scalar.string.isEmpty || Resolver.default.resolveTag(of: optionsNode) == .null {
                    options = .object([:])
                } else {
                    guard case .mapping = optionsNode else {
                        throw .unexpected(expected: "options of `\(name)` as a mapping (`key: value` lines indented below it)",
                                          found: describe(optionsNode), location: location(of: optionsNode))
                    }
                    options = try value(optionsNode, path: [], locations: &locations)
                }
                return PipelineDescription.Step(name: name, options: options, locations: locations)
            case .mapping:
                throw .unexpected(expected: "one annotator per list item (`- name:` with its options indented below)",
                                  found: "a mapping with several keys", location: location(of: item))
            default:
                throw .unexpected(expected: "an annotator name or `name:` with options", found: describe(item), location: location(of: item))
            }
        }
    }

    /// A node as a JSON value, recording where every key path was written.
    func value(_ node: Node, path: [String], locations: inout [String: SourceLocation]) throws(ConfigError) -> JSONValue {
        if !path.isEmpty { locations[path.joined(separator: ".")] = location(of: node) }
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            switch Resolver.default.resolveTag(of: node) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() {
                items.append(try value(item, path: path + [String(index)], locations: &locations))
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (keyNode, item) in mapping {
                let key = try string(keyNode, expected: "an option name")
                locations[(path + [key]).joined(separator: ".")] = location(of: keyNode)
                object[key] = try value(item, path: path + [key], locations: &locations)
                // The key's own position is more useful than the value's for "unknown option" errors.
                locations[(path + [key]).joined(separator: ".")] = location(of: keyNode)
            }
            return .object(object)
        case .alias:
            throw .unexpected(expected: "a plain value", found: "a YAML alias", location: location(of: node))
        }
    }
}
