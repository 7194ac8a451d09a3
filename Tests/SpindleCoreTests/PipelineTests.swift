import SpindleCore
import SpindleTestKit
import Testing

/// Splits on spaces: enough of a tokenizer to test the pipeline machinery without ICU.
struct SpaceTokenizer: Annotator {
    var requires: Set<LayerName> { [] }
    var provides: Set<LayerName> { [.tokens] }
    func annotate(_ document: inout Document) throws {
        var tokens: [Token] = []
        var start: Int?
        for (offset, scalar) in document.text.unicodeScalars.enumerated() {
            if scalar == " " {
                if let s = start { tokens.append(Token(start: s, end: offset)) }
                start = nil
            } else if start == nil {
                start = offset
            }
        }
        if let s = start { tokens.append(Token(start: s, end: document.text.unicodeScalars.count)) }
        document[Tokens.self] = tokens
    }
}

struct OneSentence: Annotator {
    var requires: Set<LayerName> { [.tokens] }
    var provides: Set<LayerName> { [.sentences] }
    func annotate(_ document: inout Document) throws {
        let tokens = document.tokens
        guard let first = tokens.first, let last = tokens.last else {
            document[Sentences.self] = []
            return
        }
        document[Sentences.self] = [Sentence(Span(start: first.span.start, end: last.span.end), tokens: 0..<tokens.count)]
    }
}

struct EntityReader: Annotator {
    var requires: Set<LayerName> { [.tokens] }
    var uses: Set<LayerName> { [.entities] }
    var provides: Set<LayerName> { ["summary"] }
    func annotate(_ document: inout Document) throws {}
}

struct Fails: Annotator {
    var requires: Set<LayerName> { [] }
    var provides: Set<LayerName> { [] }
    func annotate(_ document: inout Document) throws { throw AnnotationError("cannot cope with \(document.id)") }
}

struct KeywordOptions: AnnotatorOptions, Equatable {
    var words: [String] = ["alpha"]
    var caseSensitive = false
    var limit = 10
    init() {}
}

func testRegistry() throws -> AnnotatorRegistry {
    try AnnotatorRegistry([
        AnnotatorDescriptor(name: "tokenize", summary: "spaces", provides: [.tokens], options: NoOptions.self,
                            origin: .builtIn(module: "tests")) { _, _ in SpaceTokenizer() },
        AnnotatorDescriptor(name: "sentences", summary: "one", requires: [.tokens], provides: [.sentences],
                            options: NoOptions.self, origin: .builtIn(module: "tests")) { _, _ in OneSentence() },
        AnnotatorDescriptor(name: "keywords", summary: "kw", provides: ["keywords"], options: KeywordOptions.self,
                            origin: .builtIn(module: "tests")) { options, _ in
            #expect(options.words.count >= 1)
            return OneSentence()
        },
    ])
}

@Suite struct PipelineTests {
    let here = SourceLocation(file: "p.yaml", line: 4, column: 5)

    @Test func runsStepsInOrder() throws {
        let pipeline = try Pipeline(SpaceTokenizer(), OneSentence())
        let document = try pipeline.annotate("one two three")
        #expect(document.tokens.count == 3)
        #expect(document.sentences == [Sentence(Span(start: 0, end: 13), tokens: 0..<3)])
    }

    @Test func refusesAStepWhoseRequirementsComeLater() throws {
        let registry = try testRegistry()
        #expect(throws: PipelineError.unmetRequirement(annotator: "OneSentence", layer: .tokens, providers: ["tokenize"], location: here)) {
            try Pipeline(steps: [.init(name: "OneSentence", annotator: OneSentence()), .init(name: "t", annotator: SpaceTokenizer())],
                         locations: [here], registry: registry)
        }
    }

    @Test func unmetRequirementMessageSaysWhatToAdd() {
        let error = PipelineError.unmetRequirement(annotator: "sentences", layer: .tokens, providers: ["tokenize"], location: here)
        #expect(error.description == "p.yaml:4:5: `sentences` requires the `tokens` layer, which no earlier annotator provides; add `tokenize` before it")
    }

    @Test func refusesAnOptionalLayerProvidedOnlyLater() {
        struct ProvidesEntities: Annotator {
            var requires: Set<LayerName> { [] }
            var provides: Set<LayerName> { [.entities] }
            func annotate(_ document: inout Document) throws { document[Entities.self] = [] }
        }
        #expect(throws: PipelineError.optionalLayerTooLate(annotator: "EntityReader", layer: .entities, provider: "ProvidesEntities", location: nil)) {
            try Pipeline(SpaceTokenizer(), EntityReader(), ProvidesEntities())
        }
        #expect(throws: Never.self) { try Pipeline(SpaceTokenizer(), EntityReader()) }
    }

    @Test func refusesAnEmptyPipeline() {
        #expect(throws: PipelineError.self) { try Pipeline(steps: []) }
    }

    @Test func wrapsAnAnnotatorsErrorWithItsName() throws {
        let pipeline = try Pipeline(SpaceTokenizer(), Fails())
        #expect(throws: AnnotationFailure(documentID: "d7", annotator: "Fails", reason: "cannot cope with d7")) {
            _ = try pipeline.annotate("x", id: "d7")
        }
    }

    @Test func catchesAnAnnotatorThatForgetsALayerItPromised() throws {
        struct Forgetful: Annotator {
            var requires: Set<LayerName> { [] }
            var provides: Set<LayerName> { [.entities] }
            func annotate(_ document: inout Document) throws {}
        }
        let pipeline = try Pipeline(Forgetful())
        #expect(throws: AnnotationFailure.self) { _ = try pipeline.annotate("x") }
    }

    @Test func buildsFromADescriptionWithTheRegistry() throws {
        let description = PipelineDescription(name: "d", steps: [.init(name: "tokenize"), .init(name: "sentences")])
        let pipeline = try Pipeline(description, registry: try testRegistry())
        #expect(pipeline.steps.map(\.name) == ["tokenize", "sentences"])
        #expect(pipeline.provides == [.tokens, .sentences])
    }

    @Test func unknownAnnotatorSuggestsTheNearestName() throws {
        let description = PipelineDescription(name: "d", steps: [.init(name: "tokenise", locations: ["": here])])
        #expect(throws: PipelineError.unknownAnnotator(name: "tokenise", suggestion: "tokenize",
                                                       available: ["keywords", "sentences", "tokenize"], location: here)) {
            try Pipeline(description, registry: try testRegistry())
        }
    }

    @Test func unknownOptionSuggestsTheNearestKey() throws {
        let keyLocation = SourceLocation(file: "p.yaml", line: 5, column: 7)
        let step = PipelineDescription.Step(name: "keywords", options: .object(["caseSensitiv": .bool(true)]),
                                            locations: ["": here, "caseSensitiv": keyLocation])
        #expect(throws: PipelineError.unknownOption(annotator: "keywords", key: "caseSensitiv", suggestion: "caseSensitive",
                                                    valid: ["caseSensitive", "limit", "words"], location: keyLocation)) {
            try Pipeline(PipelineDescription(name: "d", steps: [step]), registry: try testRegistry())
        }
    }

    @Test func wrongOptionTypeNamesTheKeyAndWhere() throws {
        let keyLocation = SourceLocation(file: "p.yaml", line: 6, column: 7)
        let step = PipelineDescription.Step(name: "keywords", options: .object(["limit": .string("many")]),
                                            locations: ["": here, "limit": keyLocation])
        #expect(throws: PipelineError.invalidOption(annotator: "keywords", key: "limit", message: "expected an integer", location: keyLocation)) {
            try Pipeline(PipelineDescription(name: "d", steps: [step]), registry: try testRegistry())
        }
    }

    @Test func optionsOverrideOnlyWhatTheFileGives() throws {
        let registry = try testRegistry()
        let descriptor = try #require(registry["keywords"])
        let context = AnnotatorContext(annotatorName: "keywords",
                                       options: descriptor.defaults.overlaid(with: .object(["limit": .int(3)])))
        let options = try context.decode(KeywordOptions.self)
        #expect(options.limit == 3)
        #expect(options.words == ["alpha"])
        #expect(options.caseSensitive == false)
    }

    @Test func registryRefusesDuplicateNames() throws {
        var registry = try testRegistry()
        #expect(throws: RegistryError.self) {
            try registry.register(AnnotatorDescriptor(name: "tokenize", summary: "again", provides: [.tokens],
                                                      origin: .subprocess) { _ in SpaceTokenizer() })
        }
    }

    @Test func testAnnotatorsKeepTheContract() throws {
        try checkAnnotatorConformance(SpaceTokenizer())
        try checkAnnotatorConformance(OneSentence()) { text in
            var document = Document(text: text)
            try SpaceTokenizer().annotate(&document)
            return document
        }
    }
}
