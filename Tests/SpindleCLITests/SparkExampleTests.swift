import Foundation
import Testing

/// A Python that can import pyspark, and Java for Spark to run on; nil when either is missing.
let sparkPython: String? = {
    let environment = ProcessInfo.processInfo.environment
    let candidates: [String?] = [environment["SPINDLE_SPARK_PYTHON"], CLI.repository.appendingPathComponent(".venv-spark/bin/python").path, "python3"]
    func succeeds(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    guard succeeds(["java", "-version"]) else { return nil }
    return candidates.compactMap { $0 }.first { (python: String) in succeeds([python, "-c", "import pyspark"]) }
}()

@Suite struct SparkExampleTests {
    @Test(.enabled(if: sparkPython != nil, "needs Java and PySpark (set SPINDLE_SPARK_PYTHON)"), .timeLimit(.minutes(5)))
    func sparkPipesACorpusThroughSpindle() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("corpus.jsonl")
        let lines = (0..<40).map { "{\"id\": \"s\($0)\", \"text\": \"Story \($0): the mayor said “yes.” Then she left.\"}" }
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("annotated")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [sparkPython!, "examples/spark/annotate_with_spark.py", "--spindle", CLI.binary.path,
                             "--master", "local[2]", "--partitions", "3", input.path, output.path]
        process.currentDirectoryURL = CLI.repository
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: log, as: UTF8.self).suffix(2000))")
        let parts = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("part-") }.sorted()
        var ids: [String] = []
        for part in parts {
            for line in try String(contentsOf: output.appendingPathComponent(part), encoding: .utf8).split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                ids.append(object["id"] as? String ?? "")
                #expect((object["sentences"] as? [Any])?.count == 2)
            }
        }
        #expect(ids == (0..<40).map { "s\($0)" })
    }
}
