import Foundation
import Testing
@testable import SpindleEntities

/// The committed GloVe word classes (scripts/derive_glove_classes.py), when the checkout has them.
private let gloveClasses = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../models/glove-classes-en.tsv").standardized.path

@Suite(.enabled(if: FileManager.default.fileExists(atPath: gloveClasses)))
struct GloveClassesTests {
    @Test func theCommittedGloveClassesReadAsWordClusters() throws {
        let clusters = try WordClusters(contentsOf: gloveClasses)
        #expect(clusters.classes.count > 199_000)
        func classes(_ word: String) -> [UInt64] {
            let packed = clusters.packed(WordForm(word).lower)
            return (0..<3).map { WordClusters.level(packed, $0) }
        }
        // Every word has a class at each of the three granularities (stored plus one: 0 means none).
        #expect(classes("the").allSatisfy { $0 >= 1 })
        #expect(classes("Arsenal")[2] == classes("Chelsea")[2])  // football clubs together at 512
        #expect(classes("Lisa")[2] == classes("Susan")[2])  // given names
        #expect(classes("Lisa")[2] != classes("Arsenal")[2])
    }
}
