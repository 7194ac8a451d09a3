import Foundation

/// Finds the files annotators load (models, lexicons) by name, so a pipeline runs the same from any
/// folder and from a package that depends on Spindle.
///
/// A relative name is looked up in each folder in turn: the pipeline file's own base folder first (a
/// project's models win), then the folders the host adds — `$SPINDLE_HOME`, an installed
/// `share/spindle`, the Spindle package's own folder (see `SpindleConfig.ResourceFolders`). Absolute
/// paths are used as given. Factories get a locator in their `AnnotatorContext`; tests inject one.
public struct ResourceLocator: Hashable, Sendable {
    public var folders: [String]

    public init(folders: [String]) {
        var seen = Set<String>()
        self.folders = folders.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The path of the first folder's copy of `name`, or nil when no folder has it.
    public func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.fileExists(atPath: name) ? name : nil }
        return candidates(name).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Where `name` is looked for, in order.
    public func candidates(_ name: String) -> [String] {
        if name.hasPrefix("/") { return [name] }
        return folders.map { $0 == "." ? name : $0 + "/" + name }
    }

    /// The path of `name`, or an error for option `key` that lists where it was looked for.
    public func path(of name: String, option key: String?, restore: String? = nil) throws(AnnotatorSetupError) -> String {
        if let path = locate(name) { return path }
        let searched = candidates(name).map { "`\($0)`" }.joined(separator: ", ")
        let hint = restore.map { "; \($0)" } ?? ""
        throw AnnotatorSetupError("`\(name)` was not found (looked for \(searched))\(hint)", key: key)
    }
}
