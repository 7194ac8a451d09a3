import Foundation

/// Distributional word clusters: each known word (lower case) has a class at up to three granularities
/// (coarse to fine, like the prefixes of a Brown cluster path), learned from unlabeled text by
/// `scripts/derive_word_clusters.py` (the exchange algorithm). Words that share neighbours in text share
/// classes ("noida" with "gurgaon", "shanna" with "lisa"), so what the tagger learns about a labelled word
/// carries over to words it never saw labelled.
public struct WordClusters: Sendable, Equatable {
    /// Lower-case form hash to the classes, packed 10 bits each, coarsest in the low bits; each class is
    /// stored plus one so that 0 means "no class at this granularity".
    public private(set) var classes: [UInt64: UInt32]

    public init(classes: [UInt64: UInt32] = [:]) { self.classes = classes }

    public var isEmpty: Bool { classes.isEmpty }

    /// Classes are below 1000; these stand for the positions before the first and after the last word.
    public static let beforeSentence: UInt32 = 1023 | 1023 << 10 | 1023 << 20
    public static let afterSentence: UInt32 = 1022 | 1022 << 10 | 1022 << 20

    /// The packed classes of a word, 0 when it has none.
    @inline(__always) public func packed(_ lower: UInt64) -> UInt32 { classes[lower] ?? 0 }

    /// The class (plus one) at `level` (0 coarsest) in a packed value.
    @inline(__always) public static func level(_ packed: UInt32, _ level: Int) -> UInt64 {
        UInt64((packed >> UInt32(10 * level)) & 0x3FF)
    }

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case badLine(String, Int)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read the word clusters \(path); make them with scripts/derive_word_clusters.py"
            case .badLine(let path, let line): "\(path):\(line): expected a word and one to three classes (0-999) separated by tabs"
            }
        }
    }

    /// Reads `word<TAB>class<TAB>class...` lines (`#` comment lines), as the script writes them.
    public init(contentsOf path: String) throws(LoadError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadable(path) }
        var classes: [UInt64: UInt32] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let columns = line.split(separator: "\t")
            guard (2...4).contains(columns.count) else { throw .badLine(path, number + 1) }
            var packed: UInt32 = 0
            for (level, column) in columns.dropFirst().enumerated() {
                guard let value = UInt32(column), value < 1000 else { throw .badLine(path, number + 1) }
                packed |= (value + 1) << UInt32(10 * level)
            }
            classes[WordForm(columns[0]).lower] = packed
        }
        self.classes = classes
    }
}
