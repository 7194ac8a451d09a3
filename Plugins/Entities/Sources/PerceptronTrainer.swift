/// Settings of a training run. The defaults made `models/entities-en.model`.
public struct TrainingSettings: Sendable, Equatable {
    public var labels = ["LOC", "MISC", "ORG", "PER"]
    public var epochs = 12
    public var hashBits = 19
    public var seed: UInt64 = 20_221_124
    /// Perceptrons trained with different shuffles (seeds `seed`, `seed + 1`, ...) whose weights are averaged.
    public var runs = 1

    public init() {}
}

/// What one epoch scored on the development set (span F1 over the labels the dev set has).
public struct EpochReport: Sendable, Equatable {
    public var epoch: Int
    public var trainingErrors: Int
    public var devF1: Double?
}

/// Trains an `EntityModel` with the averaged structured perceptron (Collins 2002).
///
/// Each sentence is decoded with the current weights; where the best path differs from the gold path,
/// the gold features gain and the predicted ones lose. The weights kept are the average over all
/// updates (computed with the usual running-sum trick), which generalizes far better than the last
/// ones. Sentences are shuffled each epoch with a fixed seed, so the same data gives the same model, and
/// the epoch with the best dev F1 is kept. With `runs` above 1, that many perceptrons are trained with
/// successive seeds and their kept weights averaged, which makes the model depend less on one shuffle.
public struct PerceptronTrainer: Sendable {
    public let settings: TrainingSettings
    public let extractor: FeatureExtractor

    public init(settings: TrainingSettings, lexicon: Lexicon, wordClasses: WordClasses, clusters: WordClusters = WordClusters()) {
        self.settings = settings
        extractor = FeatureExtractor(hashBits: settings.hashBits, lexicon: lexicon, wordClasses: wordClasses, clusters: clusters)
    }

    public func train(_ sentences: [TrainingSentence], dev: [TrainingSentence] = [],
                      progress: (EpochReport) -> Void = { _ in }) -> (model: EntityModel, epochs: [EpochReport]) {
        let tagSet = TagSet(labels: settings.labels)
        let examples = sentences.filter { !$0.tokens.isEmpty }
        let features = examples.map { extractor.features(of: $0.tokens) }
        let gold = examples.map { tagSet.tags(for: $0.spans, length: $0.tokens.count) }
        let devFeatures = dev.map { extractor.features(of: $0.tokens) }
        let devLabels = Set(dev.flatMap { $0.spans.map(\.label) })

        var reports: [EpochReport] = []
        var sum: (weights: [Float], transitions: [Float])?
        for run in 0..<max(1, settings.runs) {
            let (weights, transitions) = trainOnce(features: features, gold: gold, devFeatures: devFeatures, dev: dev,
                                                   devLabels: devLabels, seed: settings.seed &+ UInt64(run)) { report in
                reports.append(report)
                progress(report)
            }
            if var total = sum {
                for index in total.weights.indices { total.weights[index] += weights[index] }
                for index in total.transitions.indices { total.transitions[index] += transitions[index] }
                sum = total
            } else {
                sum = (weights, transitions)
            }
        }
        let runs = Float(max(1, settings.runs))
        let model = EntityModel(tagSet: tagSet, extractor: extractor, weights: sum!.weights.map { $0 / runs },
                                transitions: sum!.transitions.map { $0 / runs })
        return (model, reports)
    }

    /// One averaged perceptron: the weights of its best epoch on the dev set (of the last without one).
    private func trainOnce(features: [FeatureMatrix], gold: [[Int]], devFeatures: [FeatureMatrix], dev: [TrainingSentence],
                           devLabels: Set<String>, seed: UInt64,
                           progress: (EpochReport) -> Void) -> (weights: [Float], transitions: [Float]) {
        let tagSet = TagSet(labels: settings.labels)
        let tags = tagSet.count
        let decoder = ViterbiDecoder(tagSet: tagSet)
        var weights = [Float](repeating: 0, count: extractor.rowCount * tags)
        var weightSums = [Double](repeating: 0, count: weights.count)
        var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        var transitionSums = [Double](repeating: 0, count: transitions.count)
        var step = 1.0
        var order = Array(features.indices)
        var random = SplitMix64(seed: seed)
        var best: (f1: Double, weights: [Float], transitions: [Float])?

        func averaged() -> ([Float], [Float]) {
            (zip(weights, weightSums).map { Float(Double($0) - $1 / step) },
             zip(transitions, transitionSums).map { Float(Double($0) - $1 / step) })
        }

        for epoch in 1...max(1, settings.epochs) {
            random.shuffle(&order)
            var errors = 0
            for index in order {
                let sentence = features[index], goldTags = gold[index]
                let predicted = decoder.decode(emissions: EntityModel.emissions(sentence, weights: weights, tagCount: tags),
                                               transitions: transitions, length: sentence.tokenCount)
                if predicted != goldTags {
                    errors += 1
                    for position in 0..<sentence.tokenCount where predicted[position] != goldTags[position] {
                        for row in sentence.rows(of: position) {
                            let base = Int(row) * tags
                            weights[base + goldTags[position]] += 1
                            weightSums[base + goldTags[position]] += step
                            weights[base + predicted[position]] -= 1
                            weightSums[base + predicted[position]] -= step
                        }
                    }
                    for position in 0..<sentence.tokenCount {
                        let goldPair = (position == 0 ? 0 : (goldTags[position - 1] + 1) * tags) + goldTags[position]
                        let predictedPair = (position == 0 ? 0 : (predicted[position - 1] + 1) * tags) + predicted[position]
                        guard goldPair != predictedPair else { continue }
                        transitions[goldPair] += 1
                        transitionSums[goldPair] += step
                        transitions[predictedPair] -= 1
                        transitionSums[predictedPair] -= step
                    }
                }
                step += 1
            }
            var report = EpochReport(epoch: epoch, trainingErrors: errors, devF1: nil)
            let (averageWeights, averageTransitions) = averaged()
            if !dev.isEmpty {
                let model = EntityModel(tagSet: tagSet, extractor: extractor, weights: averageWeights, transitions: averageTransitions)
                let f1 = spanF1(model: model, features: devFeatures, dev: dev, labels: devLabels)
                report.devF1 = f1
                if best == nil || f1 > best!.f1 { best = (f1, averageWeights, averageTransitions) }
            } else {
                best = (0, averageWeights, averageTransitions)
            }
            progress(report)
        }
        return (best!.weights, best!.transitions)
    }

    /// Span F1 of a model on a development set, over the labels the set has.
    public func devF1(model: EntityModel, dev: [TrainingSentence]) -> Double {
        spanF1(model: model, features: dev.map { extractor.features(of: $0.tokens) }, dev: dev,
               labels: Set(dev.flatMap { $0.spans.map(\.label) }))
    }

    private func spanF1(model: EntityModel, features: [FeatureMatrix], dev: [TrainingSentence], labels: Set<String>) -> Double {
        var correct = 0, predicted = 0, gold = 0
        for (sentence, matrix) in zip(dev, features) {
            let found = Set(model.tagSet.spans(from: model.tags(for: matrix)).filter { labels.contains($0.label) })
            let expected = Set(sentence.spans.filter { labels.contains($0.label) })
            correct += found.intersection(expected).count
            predicted += found.count
            gold += expected.count
        }
        return predicted + gold == 0 ? 0 : 2 * Double(correct) / Double(predicted + gold)
    }
}

/// A small, fixed, portable random generator, so shuffles are the same on every machine and Swift version.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }

    /// Fisher–Yates with this generator (the standard library's algorithm may change between versions).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            items.swapAt(index, other)
        }
    }
}
