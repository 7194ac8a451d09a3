import Foundation
import Spindle
import SpindleTestKit
import Testing
@testable import SpindleEntities

@Suite struct ModelTests {
    @Test func learnsATinyHandWrittenSet() {
        let spans = TinyCorpus.model.spans(in: ["Tomas", "Berg", "visited", "Stavanger", "."])
        #expect(spans == [TokenSpan(start: 0, end: 2, label: "PER"), TokenSpan(start: 3, end: 4, label: "LOC")])
    }

    @Test func trainingIsDeterministic() {
        var settings = TrainingSettings()
        settings.epochs = 3
        settings.hashBits = 12
        func train() -> [UInt8] {
            let trainer = PerceptronTrainer(settings: settings, lexicon: TinyCorpus.lexicon, wordClasses: WordClasses())
            return ModelFile.encode(trainer.train(TinyCorpus.sentences, dev: Array(TinyCorpus.sentences.prefix(2))).model)
        }
        #expect(train() == train())
    }

    @Test func saveAndLoadGiveTheSamePredictions() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID()).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(TinyCorpus.model, path: path)
        let loaded = try ModelFile.load(path: path)
        #expect(loaded.tagSet == TinyCorpus.model.tagSet)
        #expect(loaded.extractor == TinyCorpus.model.extractor)
        for sentence in TinyCorpus.sentences {
            #expect(loaded.spans(in: sentence.tokens) == TinyCorpus.model.spans(in: sentence.tokens))
        }
    }

    @Test func damagedFilesAreNamedErrors() {
        let bytes = ModelFile.encode(TinyCorpus.model)
        #expect(throws: EntityModelError.notAModel(path: "x.model")) { try ModelFile.decode(Array("hello".utf8), path: "x.model") }
        #expect {
            try ModelFile.decode(Array(bytes.prefix(bytes.count / 2)), path: "half.model")
        } throws: { error in
            guard case .corrupt(let path, let reason)? = error as? EntityModelError else { return false }
            return path == "half.model" && reason.contains("truncated")
        }
        var newer = bytes
        newer[ModelFile.magic.count] = 99
        #expect(throws: EntityModelError.unsupportedVersion(path: "new.model", found: 99, supported: ModelFile.version)) {
            try ModelFile.decode(newer, path: "new.model")
        }
    }

    /// Issue 19.6: a model with 0.5% of its weight bytes flipped loaded silently and gave wrong entities.
    @Test func flippedWeightBytesAreRefusedByTheChecksum() throws {
        let bytes = ModelFile.encode(TinyCorpus.model)
        #expect(try ModelFile.decode(bytes, path: "good.model").tagSet == TinyCorpus.model.tagSet)
        // The weights are the second half and more of the file: flip one byte in 200 there.
        var flipped = bytes
        for index in stride(from: bytes.count / 2, to: bytes.count - 8, by: 200) { flipped[index] ^= 0x5A }
        #expect(flipped != bytes)
        for damaged in [flipped, { var one = bytes; one[bytes.count - 20] ^= 1; return one }()] {
            #expect {
                try ModelFile.decode(damaged, path: "models/flipped.model")
            } throws: { error in
                guard case .corrupt(let path, let reason)? = error as? EntityModelError else { return false }
                let message = "\(error)"
                return path == "models/flipped.model" && reason.contains("checksum") && message.contains("models/flipped.model")
                    && message.contains("git checkout")
            }
        }
        #expect(ModelFile.checksum(bytes[...]) != ModelFile.checksum(bytes.dropLast()))
    }

    @Test func aMissingModelFailsThePipelineAtLoadTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/ner.yaml"
        try "annotators:\n  - tokenize\n  - sentences\n  - entities:\n      model: nowhere/ner.model\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try Spindle.pipeline(file)
        } throws: { error in
            let message = "\(error)"
            return message.contains("ner.yaml:5:7: option `model` of `entities`") && message.contains("nowhere/ner.model does not exist")
        }
    }

    @Test func keepsTheAnnotatorContract() throws {
        try checkAnnotatorConformance(EntityRecognizer(model: TinyCorpus.model)) { try TinyCorpus.prepare($0) }
    }

    @Test func isRegisteredAsEntities() throws {
        #expect(try Spindle.registry()["entities"]?.provides == [.entities])
    }
}
