/// A trained tagger: hashed feature weights per BILOU tag, tag-to-tag transition weights, and the
/// feature extractor (with its lexicon and word classes) it was trained with.
///
/// Weights are kept as 16-bit integers times one scale, in memory as in the file: scoring a token
/// touches one table row per feature, all over an 18 MB table, so it is bound by memory traffic, and
/// half-size rows make the whole tagger about a third faster. The rounding costs nothing measurable.
public struct EntityModel: Sendable {
    public let tagSet: TagSet
    public let extractor: FeatureExtractor
    /// `weights[row * tagSet.count + tag] * scale`.
    public let weights: [Int16]
    public let scale: Float
    /// `transitions[(previous + 1) * tagSet.count + tag]`, row 0 for the sentence start.
    public let transitions: [Float]
    private let decoder: ViterbiDecoder

    public init(tagSet: TagSet, extractor: FeatureExtractor, weights: [Int16], scale: Float, transitions: [Float]) {
        precondition(weights.count == extractor.rowCount * tagSet.count, "weights do not match the hash size")
        precondition(transitions.count == (tagSet.count + 1) * tagSet.count, "transitions do not match the tags")
        self.tagSet = tagSet
        self.extractor = extractor
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        decoder = ViterbiDecoder(tagSet: tagSet)
    }

    /// A model from trained floating-point weights, rounded to 16 bits.
    public init(tagSet: TagSet, extractor: FeatureExtractor, weights: [Float], transitions: [Float]) {
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        self.init(tagSet: tagSet, extractor: extractor, weights: weights.map { Int16(($0 / scale).rounded()) },
                  scale: scale, transitions: transitions)
    }

    /// Entity spans of one sentence.
    public func spans<S: StringProtocol>(in tokens: [S]) -> [TokenSpan] {
        tagSet.spans(from: tags(for: extractor.features(of: tokens)))
    }

    public func tags(for features: FeatureMatrix) -> [Int] {
        decoder.decode(emissions: emissions(features), transitions: transitions, length: features.tokenCount)
    }

    /// Per token and tag, the sum of the token's feature weights.
    private func emissions(_ features: FeatureMatrix) -> [Float] {
        let tags = tagSet.count
        var scores = [Float](repeating: 0, count: features.tokenCount * tags)
        var sums = [Int32](repeating: 0, count: tags)
        weights.withUnsafeBufferPointer { weights in
            sums.withUnsafeMutableBufferPointer { sums in
                for token in 0..<features.tokenCount {
                    for tag in 0..<tags { sums[tag] = 0 }
                    for row in features.rows(of: token) {
                        let offset = Int(row) * tags
                        for tag in 0..<tags { sums[tag] &+= Int32(weights[offset + tag]) }
                    }
                    for tag in 0..<tags { scores[token * tags + tag] = Float(sums[tag]) * scale }
                }
            }
        }
        return scores
    }

    /// Emissions under floating-point weights, for the trainer's decoding.
    static func emissions(_ features: FeatureMatrix, weights: [Float], tagCount tags: Int) -> [Float] {
        var scores = [Float](repeating: 0, count: features.tokenCount * tags)
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for token in 0..<features.tokenCount {
                    let base = token * tags
                    for row in features.rows(of: token) {
                        let offset = Int(row) * tags
                        for tag in 0..<tags { scores[base + tag] += weights[offset + tag] }
                    }
                }
            }
        }
        return scores
    }
}
