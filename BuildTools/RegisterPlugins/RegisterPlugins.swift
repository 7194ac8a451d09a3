import Foundation
import PackagePlugin

/// Generates the list of in-tree annotator plugins for the target it is applied to: every dependency
/// whose sources live under `Plugins/` is a plugin module exposing `public let spindlePlugin`.
/// With `Package.swift` discovering the folders, adding a plugin edits no central file.
@main
struct RegisterPlugins: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let modules = target.dependencies.compactMap { dependency -> String? in
            guard case .target(let dependency) = dependency,
                  dependency.directoryURL.pathComponents.contains("Plugins") else { return nil }
            return dependency.name
        }.sorted()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("InTreePlugins.swift")
        return [
            .buildCommand(
                displayName: "Listing \(modules.count) in-tree annotator plugin(s) for \(target.name)",
                executable: try context.tool(named: "GeneratePluginList").url,
                arguments: [output.path] + modules,
                inputFiles: [],
                outputFiles: [output]
            ),
        ]
    }
}
