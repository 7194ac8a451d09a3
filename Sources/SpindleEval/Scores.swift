/// Precision, recall and F1 from counts of matches.
public struct Scores: Hashable, Sendable, CustomStringConvertible {
    public var truePositives = 0
    public var predicted = 0
    public var gold = 0

    public init(truePositives: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.truePositives = truePositives
        self.predicted = predicted
        self.gold = gold
    }

    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Adds the comparison of one document's predicted and gold items.
    public mutating func add<T: Hashable>(predicted: some Collection<T>, gold: some Collection<T>) {
        let goldSet = Set(gold)
        self.predicted += predicted.count
        self.gold += goldSet.count
        truePositives += Set(predicted).intersection(goldSet).count
    }

    public static func + (lhs: Scores, rhs: Scores) -> Scores {
        Scores(truePositives: lhs.truePositives + rhs.truePositives, predicted: lhs.predicted + rhs.predicted,
               gold: lhs.gold + rhs.gold)
    }

    public var description: String {
        func percent(_ value: Double) -> String {
            let scaled = (value * 1000).rounded() / 10
            return "\(scaled)"
        }
        return "P \(percent(precision))  R \(percent(recall))  F1 \(percent(f1))  (gold \(gold), predicted \(predicted), correct \(truePositives))"
    }
}
