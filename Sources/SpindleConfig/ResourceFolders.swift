import Foundation
import SpindleCore

/// The folders, besides a pipeline file's own, where Spindle's pipelines, models and lexicons are found:
///
/// 1. `$SPINDLE_HOME`, when set: a folder with `pipelines/` and `models/`, for installs and overrides;
/// 2. `PREFIX/share/spindle` beside an installed executable `PREFIX/bin/spindle`;
/// 3. the Spindle package's own folder, as it was when this module was built (`#filePath`): what a
///    package that depends on Spindle uses, in its checkout or a path dependency.
///
/// The package's models are too large for SwiftPM resources (`Bundle.module` would copy the 17 MB
/// entity model into every build folder), so they are found where the package keeps them.
public enum ResourceFolders {
    public static var standard: [String] {
        var folders: [String] = []
        if let home = ProcessInfo.processInfo.environment["SPINDLE_HOME"], !home.isEmpty { folders.append(home) }
        if let executable = executableFolder {
            let share = executable.deletingLastPathComponent().appendingPathComponent("share/spindle").path
            if FileManager.default.fileExists(atPath: share) { folders.append(share) }
        }
        folders.append(packageRoot)
        return folders
    }

    /// The folder that holds Spindle's `Package.swift`.
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private static var executableFolder: URL? {
        guard let path = CommandLine.arguments.first, path.contains("/") else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// A locator that looks in `base` first, then the standard folders.
    public static func locator(base: String) -> ResourceLocator {
        ResourceLocator(folders: [base] + standard)
    }
}
