import Foundation
import Spindle
@testable import SpindleConfig
import Testing

@Suite struct PipelineFileTests {
    @Test func readsNamesOptionsAndPositions() throws {
        let yaml = """
        name: mine
        language: en
        annotators:
          - tokenize
          - sentences:
              locale: en@ss=standard
          - keywords:
              words: [alpha, beta]
              limit: 3
              ratio: 0.5
              strict: true
        """
        let description = try PipelineFile.parse(yaml, file: "mine.yaml")
        #expect(description.name == "mine")
        #expect(description.steps.map(\.name) == ["tokenize", "sentences", "keywords"])
        #expect(description.steps[1].options == .object(["locale": .string("en@ss=standard")]))
        #expect(description.steps[2].options == .object([
            "words": .array([.string("alpha"), .string("beta")]), "limit": .int(3), "ratio": .double(0.5), "strict": .bool(true),
        ]))
        #expect(description.steps[0].location == SourceLocation(file: "mine.yaml", line: 4, column: 5))
        #expect(description.steps[2].locations["limit"] == SourceLocation(file: "mine.yaml", line: 9, column: 7))
    }

    @Test func quotedScalarsStayStrings() throws {
        let description = try PipelineFile.parse("annotators:\n  - x:\n      year: \"2024\"\n")
        #expect(description.steps[0].options == .object(["year": .string("2024")]))
    }

    @Test func syntaxErrorsGiveFileLineAndColumn() {
        let yaml = "annotators:\n  - tokenize\n  - sentences: [unclosed\n"
        do {
            _ = try PipelineFile.parse(yaml, file: "bad.yaml")
            Issue.record("expected a syntax error")
        } catch {
            guard case .syntax(_, let location) = error else { Issue.record("got \(error)"); return }
            #expect(location.file == "bad.yaml")
            #expect(location.line >= 3)
            #expect("\(error)".hasPrefix("bad.yaml:"))
        }
    }

    @Test func unknownTopLevelKeySuggestsTheNearest() {
        #expect(throws: ConfigError.unknownKey(key: "anotators", suggestion: "annotators",
                                               valid: ["name", "description", "language", "annotators", "plugins"],
                                               location: SourceLocation(file: "f.yaml", line: 1, column: 1))) {
            try PipelineFile.parse("anotators:\n  - tokenize\n", file: "f.yaml")
        }
    }

    @Test func annotatorsMustBeAList() {
        #expect(throws: ConfigError.self) { try PipelineFile.parse("annotators: tokenize\n") }
        #expect(throws: ConfigError.missingKey(key: "annotators", location: SourceLocation(file: "f.yaml", line: 1, column: 1))) {
            try PipelineFile.parse("name: x\n", file: "f.yaml")
        }
        #expect(throws: ConfigError.self) { try PipelineFile.parse("", file: "f.yaml") }
        #expect(throws: ConfigError.self) { try PipelineFile.parse("annotators:\n  - tokenize:\n      - a\n") }
    }

    @Test func unknownAnnotatorInAFilePointsAtItsLine() throws {
        let description = try PipelineFile.parse("annotators:\n  - tokenize\n  - sentense\n", file: "p.yaml")
        do {
            _ = try Pipeline(description, registry: try Spindle.registry())
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "p.yaml:3:5: unknown annotator `sentense`; did you mean `sentences`?")
        }
    }

    @Test func wrongOptionTypeInAFilePointsAtTheKey() throws {
        let description = try PipelineFile.parse("annotators:\n  - tokenize:\n      splitClitics: maybe\n", file: "p.yaml")
        do {
            _ = try Pipeline(description, registry: try Spindle.registry())
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "p.yaml:3:7: option `splitClitics` of `tokenize`: expected true or false")
        }
    }

    @Test func unknownOptionInAFileSuggestsTheKey() throws {
        let description = try PipelineFile.parse("annotators:\n  - tokenize:\n      splitClitic: false\n", file: "p.yaml")
        #expect(throws: PipelineError.self) { try Pipeline(description, registry: try Spindle.registry()) }
        do { _ = try Pipeline(description, registry: try Spindle.registry()) } catch {
            #expect("\(error)".contains("p.yaml:3:7"))
            #expect("\(error)".contains("did you mean `splitClitics`?"))
        }
    }

    @Test func requirementOrderIsCheckedAtLoadTime() throws {
        let description = try PipelineFile.parse("annotators:\n  - sentences\n  - tokenize\n", file: "p.yaml")
        do { _ = try Pipeline(description, registry: try Spindle.registry()) } catch {
            #expect("\(error)" == "p.yaml:2:5: `sentences` requires the `tokens` layer, which no earlier annotator provides; add `tokenize` before it")
        }
    }

    @Test func locatorFindsBareNamesAndListsWhatExists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spindle-locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "annotators: [tokenize]\n".write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        let locator = PipelineLocator(searchFolders: [folder.path])
        #expect(try locator.locate("tiny") == folder.path + "/tiny.yaml")
        #expect(locator.available().map(\.name) == ["tiny"])
        do {
            _ = try locator.locate("tinny")
            Issue.record("expected not found")
        } catch {
            #expect("\(error)".contains("did you mean `tiny`?"))
        }
    }

    @Test func modelPathsResolveFromTheProjectRootForFilesInPipelines() {
        #expect(PipelineFile.baseDirectory(for: "pipelines/news.yaml") == ".")
        #expect(PipelineFile.baseDirectory(for: "/srv/project/pipelines/news.yaml") == "/srv/project")
        #expect(PipelineFile.baseDirectory(for: "/srv/elsewhere/mine.yaml") == "/srv/elsewhere")
    }

    @Test func shippedPipelinesBuild() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let locator = PipelineLocator(searchFolders: [root.appendingPathComponent("pipelines").path])
        let found = locator.available()
        #expect(found.contains { $0.name == "default" })
        for (_, path) in found {
            let pipeline = try Pipeline(try PipelineFile.load(path: path), registry: try Spindle.registry())
            #expect(!pipeline.steps.isEmpty)
        }
    }
}
