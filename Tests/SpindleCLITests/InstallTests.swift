import Foundation
import Testing

/// The layout `scripts/install.sh` makes: `PREFIX/bin/spindle` finds `PREFIX/share/spindle` before
/// anything else, so an installed `spindle` runs `news` from any folder.
@Suite struct InstallTests {
    @Test func anInstalledSpindleUsesItsSharedPipelinesAndModels() throws {
        let prefix = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let layout = try shell("""
            mkdir -p bin share/spindle && cp '\(CLI.binary.path)' bin/spindle \
            && cp -R '\(CLI.repository.path)/pipelines' '\(CLI.repository.path)/models' share/spindle/
            """, in: prefix)
        try #require(layout.status == 0, "\(layout.output)")
        let elsewhere = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let listed = try shell("env -u SPINDLE_HOME '\(prefix.path)/bin/spindle' pipelines", in: elsewhere)
        #expect(listed.status == 0, "\(listed.output)")
        #expect(listed.output.contains("news\t\(prefix.path)/share/spindle/pipelines/news.yaml"), "\(listed.output)")
        try "\"We will reopen the pier,\" said Ines Calder.".write(to: elsewhere.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let annotated = try shell("env -u SPINDLE_HOME '\(prefix.path)/bin/spindle' annotate -q --pipeline news a.txt", in: elsewhere)
        #expect(annotated.status == 0, "\(annotated.output)")
        #expect(annotated.output.contains("\"canonical\":\"Ines Calder\""), "\(annotated.output)")
        let version = try shell("'\(prefix.path)/bin/spindle' --version", in: elsewhere)
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines).wholeMatch(of: /\d+\.\d+\.\d+/) != nil)
    }
}
