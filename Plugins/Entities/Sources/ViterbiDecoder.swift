/// Finds the best-scoring tag sequence that is well formed under a `TagSet`'s BILOU rules.
///
/// Forbidden transitions are never walked (each tag keeps the list of tags that may precede it)
/// rather than given a large negative score, so no weight, however large, can produce an `I` without
/// a `B` before it; and the decoder does a third of the work of a full tag-by-tag loop.
public struct ViterbiDecoder: Sendable {
    public let tagCount: Int
    private let startAllowed: [Bool]
    /// For each tag, the tags that may precede it.
    private let predecessors: [[Int]]
    private let allowedAtEnd: [Bool]

    public init(tagSet: TagSet) {
        let count = tagSet.count
        tagCount = count
        startAllowed = (0..<count).map { tagSet.allows(nil, $0) }
        predecessors = (0..<count).map { tag in (0..<count).filter { tagSet.allows($0, tag) } }
        allowedAtEnd = (0..<count).map(tagSet.allowsEnd)
    }

    /// `emissions[token * tagCount + tag]`; `transitions[(previous + 1) * tagCount + tag]` with row 0
    /// for the sentence start.
    public func decode(emissions: [Float], transitions: [Float], length: Int) -> [Int] {
        guard length > 0 else { return [] }
        let count = tagCount
        var score = [Float](repeating: -.infinity, count: length * count)
        var back = [Int32](repeating: 0, count: length * count)
        score.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                emissions.withUnsafeBufferPointer { emissions in
                    transitions.withUnsafeBufferPointer { transitions in
                        for tag in 0..<count where startAllowed[tag] {
                            score[tag] = transitions[tag] + emissions[tag]
                        }
                        for position in 1..<length {
                            let base = position * count, previousBase = base - count
                            for tag in 0..<count {
                                var best: Float = -.infinity, bestPrevious = 0
                                for previous in predecessors[tag] {
                                    let candidate = score[previousBase + previous] + transitions[(previous + 1) * count + tag]
                                    if candidate > best { best = candidate; bestPrevious = previous }
                                }
                                score[base + tag] = best + emissions[base + tag]
                                back[base + tag] = Int32(bestPrevious)
                            }
                        }
                    }
                }
            }
        }
        let lastBase = (length - 1) * count
        var bestTag = 0, best: Float = -.infinity
        for tag in 0..<count where allowedAtEnd[tag] && score[lastBase + tag] > best {
            best = score[lastBase + tag]
            bestTag = tag
        }
        var tags = [Int](repeating: 0, count: length)
        tags[length - 1] = bestTag
        var position = length - 1
        while position > 0 {
            tags[position - 1] = Int(back[position * count + tags[position]])
            position -= 1
        }
        return tags
    }
}
