/// A trained tagger: hashed feature weights per BILOU tag, tag-to-tag transition weights, and the
/// feature extractor (with its lexicon and word classes) it was trained with.
///
/// Weights are kept as 16-bit integers times one scale, in memory as in the file: scoring a token
/// touches one table row per feature, all over a 17 MB table, so it is bound by memory traffic, and
/// half-size rows make the whole tagger about a third faster. The rounding costs nothing measurable.
///
/// The `O` tag has no column: its weights are subtracted from every other tag's when the model is
/// made. That takes the same amount from every tag path through a sentence (each path has exactly one
/// tag per token), so Viterbi picks the same path, and a row of the 16 entity tags is 32 bytes: it
/// never straddles two cache lines and is summed with 16-lane vector adds.
public struct EntityModel: Sendable {
    public let tagSet: TagSet
    public let extractor: FeatureExtractor
    /// `weights[row * rowWidth + tag - 1] * scale` for the tags after `O`.
    public let weights: [Int16]
    public let scale: Float
    /// `transitions[(previous + 1) * tagSet.count + tag]`, row 0 for the sentence start.
    public let transitions: [Float]
    private let decoder: ViterbiDecoder

    /// Weights per table row: one per tag but `O`.
    public var rowWidth: Int { tagSet.count - 1 }

    public init(tagSet: TagSet, extractor: FeatureExtractor, weights: [Int16], scale: Float, transitions: [Float]) {
        precondition(weights.count == extractor.rowCount * (tagSet.count - 1), "weights do not match the hash size")
        precondition(transitions.count == (tagSet.count + 1) * tagSet.count, "transitions do not match the tags")
        self.tagSet = tagSet
        self.extractor = extractor
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        decoder = ViterbiDecoder(tagSet: tagSet)
    }

    /// A model from trained floating-point weights (`rows × tags`, `O` first), made relative to `O` and
    /// rounded to 16 bits.
    public init(tagSet: TagSet, extractor: FeatureExtractor, weights: [Float], transitions: [Float]) {
        let tags = tagSet.count, width = tags - 1
        var relative = [Float](repeating: 0, count: extractor.rowCount * width)
        for row in 0..<extractor.rowCount {
            let outside = weights[row * tags]
            for tag in 1..<tags { relative[row * width + tag - 1] = weights[row * tags + tag] - outside }
        }
        let largest = relative.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        self.init(tagSet: tagSet, extractor: extractor, weights: relative.map { Int16(($0 / scale).rounded()) },
                  scale: scale, transitions: transitions)
    }

    /// Entity spans of one sentence.
    public func spans<S: StringProtocol>(in tokens: [S]) -> [TokenSpan] {
        tagSet.spans(from: tags(for: extractor.features(of: tokens)))
    }

    public func tags(for features: FeatureMatrix) -> [Int] {
        decoder.decode(emissions: emissions(features), transitions: transitions, length: features.tokenCount)
    }

    /// Per token and tag, the sum of the token's feature weights (0 for `O`).
    private func emissions(_ features: FeatureMatrix) -> [Float] {
        let tags = tagSet.count, width = rowWidth
        var scores = [Float](repeating: 0, count: features.tokenCount * tags)
        weights.withUnsafeBufferPointer { weights in
            let table = UnsafeRawPointer(weights.baseAddress!)
            features.rows.withUnsafeBufferPointer { rows in
                for token in 0..<features.tokenCount {
                    let start = Int(features.offsets[token]), end = Int(features.offsets[token + 1])
                    if width == 16 {
                        var sums = SIMD16<Int32>()
                        for index in start..<end {
                            let row = table.loadUnaligned(fromByteOffset: Int(rows[index]) &* 32, as: SIMD16<Int16>.self)
                            sums &+= SIMD16<Int32>(truncatingIfNeeded: row)
                        }
                        for tag in 0..<16 { scores[token * tags + tag + 1] = Float(sums[tag]) * scale }
                    } else {
                        for index in start..<end {
                            let offset = Int(rows[index]) * width
                            for tag in 0..<width { scores[token * tags + tag + 1] += Float(weights[offset + tag]) }
                        }
                        for tag in 1..<tags { scores[token * tags + tag] *= scale }
                    }
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
