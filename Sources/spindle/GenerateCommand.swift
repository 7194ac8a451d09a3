import ArgumentParser
import Foundation
import Spindle

/// Writes a synthetic news corpus as JSONL, for batch benchmarks that anyone can reproduce without data.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic news corpus as JSONL ({id, date, text}) for benchmarks.")

    @Option(name: .long, help: "Number of articles.")
    var documents = 20_000

    @Option(name: .long, help: "Seed: the same seed gives the same corpus on every machine.")
    var seed: UInt64 = 20_261_124

    @Option(name: .shortAndLong, help: "Output JSONL file.")
    var output: String

    func run() throws {
        var generator = NewsTextGenerator(seed: seed)
        let temporary = AtomicFile.temporaryPath(for: output)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw fail("cannot write \(output)")
        }
        var buffer: [UInt8] = []
        var bytes = 0
        for number in 0..<documents {
            let day = 1 + number % 28, month = 1 + number / 28 % 12
            let fields: [String: JSONValue] = [
                "id": .string(String(format: "gen-%06d", number)),
                "date": .string(String(format: "2025-%02d-%02d", month, day)),
                "text": .string(generator.article(targetBytes: 2000 + number % 2000)),
            ]
            buffer += JSONValue.object(fields).jsonBytes
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                bytes += buffer.count
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        bytes += buffer.count
        try handle.write(contentsOf: buffer)
        try handle.close()
        try AtomicFile.commit(temporary, to: output)
        printError("wrote \(documents) articles, \(bytes / 1_000_000) MB, to \(output)")
    }
}
