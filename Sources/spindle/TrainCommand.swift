import ArgumentParser
import Foundation
import SpindleEntities
import SpindleEval

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train models from gold data.", subcommands: [TrainEntities.self])
}

struct TrainEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Train the named-entity model (averaged perceptron, BILOU).",
        discussion: """
        Reads CoNLL IOB1 (wikigold), IOB2 / Universal NER (.iob2) and GMB files; GMB types are mapped \
        geo→LOC, gpe→LOC (nationalities→MISC), per→PER, org→ORG, art/eve/nat→MISC, tim dropped; leading titles are cut from person \
        names (the GMB includes them, CoNLL does not). Training is \
        deterministic: the same files and options give the same model, byte for byte.
        """)

    @Option(name: .long, parsing: .upToNextOption, help: "Training files.")
    var train: [String]

    @Option(name: .long, help: "Development file: the epoch with the best F1 on it is kept.")
    var dev: String?

    @Option(name: .long, help: "Folder of lexicon lists (NAME.txt), compiled into the model.")
    var lexicons = "models/lexicons"

    @Option(name: .long, parsing: .upToNextOption, help: "CoNLL-U files whose words only feed the word classes.")
    var unlabeled: [String] = []

    @Option(name: .long, help: "Word clusters (word<TAB>class... lines from scripts/derive_word_clusters.py), compiled into the model.")
    var clusters: String?

    @Option(name: .long, help: "Passes over the training data.")
    var epochs = TrainingSettings().epochs

    @Option(name: .long, help: "The weight table has 2^N rows.")
    var hashBits = TrainingSettings().hashBits

    @Option(name: .long, help: "Train N perceptrons with seeds SEED, SEED+1, ... and average their weights.")
    var runs = TrainingSettings().runs

    @Option(name: .long, help: "Seed of the shuffles.")
    var seed = TrainingSettings().seed

    @Option(name: .shortAndLong, help: "Model file to write.")
    var output: String

    @Option(name: .long, help: "Write a JSON summary of the run (settings, data, dev F1 per epoch) here.")
    var report: String?

    func run() throws {
        let started = Date()
        let phrases: [String: [String]]
        do { phrases = try LexiconFiles.read(folder: lexicons) } catch { throw fail("\(error)") }
        let harmonizer = TrainingHarmonizer(demonyms: phrases["demonyms"] ?? [], titles: phrases["person-titles"] ?? [])
        var labels = TaggedTokenFile.standardLabels
        labels["gpe"] = TrainingHarmonizer.geopoliticalLabel

        var sentences: [TrainingSentence] = []
        for path in train {
            let gold: [GoldEntitySentence]
            do { gold = try TaggedTokenFile.read(path: path, labels: labels) } catch { throw fail("\(error)") }
            let tagsMisc = gold.contains { $0.entities.contains { $0.label == "MISC" } }
            sentences += gold.map { harmonizer.harmonize(Self.trainingSentence($0), corpusTagsMisc: tagsMisc) }
            printError("read \(path): \(gold.count) sentences\(tagsMisc ? "" : " (no MISC: demonyms tagged MISC)")")
        }
        var devSentences: [TrainingSentence] = []
        if let dev {
            do { devSentences = try TaggedTokenFile.read(path: dev).map(Self.trainingSentence) } catch { throw fail("\(error)") }
        }
        var text = sentences.map(\.tokens)
        for path in unlabeled { text += try Self.conlluSentences(path) }

        var settings = TrainingSettings()
        settings.epochs = epochs
        settings.hashBits = hashBits
        settings.seed = seed
        settings.runs = runs
        var wordClusters = WordClusters()
        if let clusters {
            do { wordClusters = try WordClusters(contentsOf: clusters) } catch { throw fail("\(error)") }
        }
        let trainer = PerceptronTrainer(settings: settings, lexicon: Lexicon(phrases: phrases),
                                        wordClasses: WordClasses(counting: text), clusters: wordClusters)
        let (model, epochReports) = trainer.train(sentences, dev: devSentences) { report in
            let f1 = report.devF1.map { String(format: "  dev F1 %.4f", $0) } ?? ""
            printError("epoch \(report.epoch): \(report.trainingErrors) sentences wrong\(f1)")
        }
        let finalF1 = devSentences.isEmpty ? nil : trainer.devF1(model: model, dev: devSentences)
        if runs > 1, let finalF1 { printError(String(format: "average of %d runs: dev F1 %.4f", runs, finalF1)) }
        do { try ModelFile.save(model, path: output) } catch { throw fail("\(error)") }
        let seconds = Date().timeIntervalSince(started)
        printError(String(format: "wrote %@ in %.1f s", output, seconds))
        if let report {
            try writeReport(report, epochs: epochReports, finalF1: finalF1, sentences: sentences.count, seconds: seconds)
        }
    }

    private func writeReport(_ path: String, epochs epochReports: [EpochReport], finalF1: Double?, sentences: Int,
                             seconds: Double) throws {
        // per run, the epoch with the best dev F1 is kept
        let perRun = epochReports.count / max(1, runs)
        let kept = (0..<max(1, runs)).map { run -> Int in
            let slice = epochReports[(run * perRun)..<((run + 1) * perRun)]
            let best = slice.compactMap(\.devF1).max()
            return slice.first { $0.devF1 == best }?.epoch ?? perRun
        }
        let best = epochReports.compactMap(\.devF1).max()
        let summary: [String: Any] = [
            "train": train, "dev": dev ?? NSNull(), "unlabeled": unlabeled, "lexicons": lexicons, "clusters": clusters ?? NSNull(),
            "epochs": epochs, "hashBits": hashBits, "seed": seed, "trainingSentences": sentences,
            "devF1ByEpoch": epochReports.map { $0.devF1 ?? 0 }, "bestDevF1": best ?? NSNull(),
            "keptEpochs": kept, "runs": runs, "finalDevF1": finalF1 ?? NSNull(),
            "trainingSeconds": (seconds * 10).rounded() / 10,
        ]
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys])
        guard FileManager.default.createFile(atPath: path, contents: data) else { throw fail("cannot write \(path)") }
    }

    private static func trainingSentence(_ gold: GoldEntitySentence) -> TrainingSentence {
        TrainingSentence(tokens: gold.tokens,
                         spans: gold.entities.map { TokenSpan(start: $0.start, end: $0.end, label: $0.label) })
    }

    /// The words of a CoNLL-U file, by sentence (multi-word token ranges and empty nodes skipped).
    private static func conlluSentences(_ path: String) throws -> [[String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw fail("cannot read \(path)") }
        var sentences: [[String]] = [], words: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !words.isEmpty { sentences.append(words) }
                words = []
                continue
            }
            guard !line.hasPrefix("#") else { continue }
            let columns = line.split(separator: "\t", maxSplits: 2)
            guard columns.count >= 2, Int(columns[0]) != nil else { continue }
            words.append(String(columns[1]))
        }
        if !words.isEmpty { sentences.append(words) }
        return sentences
    }
}
