import Foundation
import Testing

/// A package outside this repository that depends on Spindle by path runs the `news` pipeline from its
/// own folder: pipeline files and models are found through Spindle's resource folders.
@Suite(.serialized) struct OutsidePackageTests {
    @Test(.timeLimit(.minutes(15))) func aDependentPackageRunsTheNewsPipelineFromItsOwnFolder() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (example, products) = try buildExample("outside-package", in: folder)
        let executable = products.appendingPathComponent("news-digest").path
        // No SPINDLE_HOME, and the working folder has no pipelines/ or models/ of its own.
        let result = try shell("env -u SPINDLE_HOME '\(executable)' article.txt 2024-05-14 2>&1", in: example)
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.contains { $0.first == "quote" && $0.dropFirst().first == "Mara Lindqvist" }, "\(result.output)")
        #expect(lines.contains { $0 == ["entity", "PER", "Mara Lindqvist"] }, "\(result.output)")
        #expect(lines.contains { $0.first == "timex" && $0.contains("2024-05-14") }, "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: example.appendingPathComponent("models").path))
    }
}
