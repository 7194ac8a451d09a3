import Foundation
import Testing

@Suite struct PluginListTests {
    /// `Package.swift` lists the plugin folders literally (SwiftPM caches manifests by their text); this
    /// catches a folder added by hand without its name there.
    @Test func packageManifestListsEveryPluginFolder() throws {
        let manifest = try String(contentsOf: CLI.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let line = try #require(manifest.split(separator: "\n").first { $0.hasPrefix("let pluginFolders = [") })
        let listed = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let plugins = CLI.repository.appendingPathComponent("Plugins")
        let folders = try FileManager.default.contentsOfDirectory(atPath: plugins.path).filter {
            FileManager.default.fileExists(atPath: plugins.appendingPathComponent("\($0)/Sources").path)
        }.sorted()
        #expect(listed == folders, "add the plugin folder names to `pluginFolders` in Package.swift (spindle new annotator does it)")
    }
}
