import Foundation

/// Finds a pipeline file from what a user typed: a path, or a bare name looked up as
/// `pipelines/NAME.yaml` in the current folder, then in each of `ResourceFolders.standard`
/// (`$SPINDLE_HOME`, an install's `share/spindle`, the Spindle package), so `news` works from anywhere.
public struct PipelineLocator: Sendable {
    public var searchFolders: [String]

    public init(searchFolders: [String]? = nil) {
        self.searchFolders = searchFolders ?? Self.defaultFolders()
    }

    public static func defaultFolders() -> [String] {
        let folders = ["pipelines"] + ResourceFolders.standard.map { $0 + "/pipelines" }
        var seen = Set<String>()
        return folders.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The path of a pipeline named by path or bare name.
    public func locate(_ nameOrPath: String) throws(ConfigError) -> String {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if looksLikePath {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw .unreadable(path: nameOrPath, reason: "no such file")
            }
            return nameOrPath
        }
        var searched: [String] = []
        for folder in searchFolders {
            for ext in ["yaml", "yml"] {
                let candidate = "\(folder)/\(nameOrPath).\(ext)"
                searched.append(candidate)
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
        }
        throw .notFound(name: nameOrPath, searched: searched.filter { $0.hasSuffix(".yaml") }, available: available().map(\.name))
    }

    /// Every pipeline file in the search folders, first folder first.
    public func available() -> [(name: String, path: String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for folder in searchFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                if seen.insert(name).inserted { result.append((name, "\(folder)/\(file)")) }
            }
        }
        return result
    }
}
