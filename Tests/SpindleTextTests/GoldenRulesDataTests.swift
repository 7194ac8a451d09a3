import Foundation
import Testing

/// The 48 English Golden Rules as published, from the shared data folder next to the repository
/// (`<repo>/../shared/data/sbd`). The data is not part of the repository, so the test is skipped
/// where it is missing.
@Suite struct GoldenRulesDataTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let file = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/sbd/english_golden_rules.jsonl")

    static var available: Bool { FileManager.default.fileExists(atPath: file.path) }

    struct Rule: Decodable {
        var id: String
        var rule: String
        var text: String
        var expected: [String]
    }

    @Test(.enabled(if: available, "needs ../shared/data/sbd/english_golden_rules.jsonl"))
    func allGoldenRulesPass() throws {
        let data = try Data(contentsOf: Self.file)
        let rules = try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Rule.self, from: Data($0)) }
        #expect(rules.count == 48)
        for rule in rules {
            let expected = rule.expected.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(try splitSentences(rule.text) == expected, "\(rule.id): \(rule.rule)")
        }
    }
}
