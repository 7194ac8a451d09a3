import SpindleCore
import SpindleTestKit
import Testing

/// Splits on spaces: enough of a tokenizer to test the pipeline machinery without ICU.
struct SpaceTokenizer: DescribedAnnotator {
    static let name = "tokenize"
    static let summary = "spaces"
    static let layers = LayerRequirements(provides: [.tokens])
    init() {}
    init(options: NoOptions, context: AnnotatorContext) {}
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

struct OneSentence: DescribedAnnotator {
    static let name = "sentences"
    static let summary = "one"
    static let layers = LayerRequirements(requires: [.tokens], provides: [.sentences])
    init() {}
    init(options: NoOptions, context: AnnotatorContext) {}
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

/// Keeps its options, so tests can see what the pipeline gave it; refuses a negative limit.
struct KeywordCounter: DescribedAnnotator {
    static let name = "keywords"
    static let summary = "kw"
    static let layers = LayerRequirements(provides: ["keywords"])
    let options: KeywordOptions
    init(options: KeywordOptions, context: AnnotatorContext) throws(AnnotatorSetupError) {
        guard options.limit >= 0 else { throw .option("limit", "must be 0 or more") }
        self.options = options
    }
    func annotate(_ document: inout Document) throws { document.setLayer("keywords", json: .array([])) }
}

func testRegistry() throws -> AnnotatorRegistry {
    try AnnotatorRegistry([PluginManifest(name: "tests", annotators: [SpaceTokenizer.self, OneSentence.self, KeywordCounter.self])])
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

    @Test func descriptorsComeFromTheTypes() throws {
        let descriptor = try #require(try testRegistry()["keywords"])
        #expect(descriptor.summary == "kw")
        #expect(descriptor.provides == ["keywords"])
        #expect(descriptor.options.keys.sorted() == ["caseSensitive", "limit", "words"])
        #expect(descriptor.origin == .builtIn(module: "SpindleCoreTests"))
    }

    @Test func helpCannotMakeAnOption() throws {
        struct Options: AnnotatorOptions {
            var limit = 1
            init() {}
            static let help = ["limit": "how many", "limt": "a typo"]
        }
        struct Helped: DescribedAnnotator {
            static let name = "helped"
            static let summary = "help"
            static let layers = LayerRequirements(provides: [])
            init(options: Options, context: AnnotatorContext) {}
            func annotate(_ document: inout Document) throws {}
        }
        let descriptor = AnnotatorDescriptor(Helped.self)
        #expect(descriptor.options == ["limit": "how many"])
        #expect(descriptor.helpWithoutOption == ["limt"])
        #expect(throws: ConformanceViolation.self) { try checkDescriptor(descriptor) }
    }

    @Test func setupErrorsNameTheOptionAndWhereItWasWritten() throws {
        let keyLocation = SourceLocation(file: "p.yaml", line: 6, column: 7)
        let step = PipelineDescription.Step(name: "keywords", options: .object(["limit": .int(-1)]),
                                            locations: ["": here, "limit": keyLocation])
        #expect(throws: PipelineError.invalidOption(annotator: "keywords", key: "limit", message: "must be 0 or more", location: keyLocation)) {
            try Pipeline(PipelineDescription(name: "d", steps: [step]), registry: try testRegistry())
        }
    }

    @Test func stepsCanBeNamedSoOneAnnotatorRunsTwice() throws {
        let steps: [PipelineDescription.Step] = [
            .init(name: "tokenize"),
            .init(name: "keywords", options: .object(["name": .string("small"), "limit": .int(1)])),
            .init(name: "keywords", options: .object(["name": .string("large"), "limit": .int(50)])),
        ]
        let pipeline = try Pipeline(PipelineDescription(name: "d", steps: steps), registry: try testRegistry())
        #expect(pipeline.steps.map(\.name) == ["tokenize", "small", "large"])
        #expect((pipeline.steps[2].annotator as? KeywordCounter)?.options.limit == 50)
        let twice = PipelineDescription(name: "d", steps: [.init(name: "tokenize"), .init(name: "tokenize", locations: ["": here])])
        #expect(throws: PipelineError.duplicateStep(name: "tokenize", location: here)) {
            try Pipeline(twice, registry: try testRegistry())
        }
    }

    @Test func optionsCanBeSetFromOutsideTheFile() throws {
        var description = PipelineDescription(name: "d", steps: [
            .init(name: "tokenize"),
            .init(name: "keywords", options: .object(["name": .string("kw"), "words": .array([.string("x")])])),
        ])
        try description.set(step: "kw", key: "limit", to: .int(7))
        let pipeline = try Pipeline(description, registry: try testRegistry())
        let counter = try #require(pipeline.steps[1].annotator as? KeywordCounter)
        #expect(counter.options.limit == 7)
        #expect(counter.options.words == ["x"])
        #expect(throws: PipelineError.self) { try description.set(step: "keywrds", key: "limit", to: .int(1)) }
    }

    @Test func observerHearsEveryStep() throws {
        let pipeline = try Pipeline(SpaceTokenizer(), OneSentence())
        var document = Document(text: "a b c")
        var heard: [String] = []
        try pipeline.annotate(&document) { heard.append($0.name) }
        #expect(heard == ["tokenize", "sentences"])
        #expect(document.sentences.count == 1)
    }

    @Test func aStepWhoseSpansLeaveTheTextFailsTheDocument() throws {
        struct Overreach: Annotator {
            var requires: Set<LayerName> { [] }
            var provides: Set<LayerName> { [.entities] }
            func annotate(_ document: inout Document) throws {
                document[Entities.self] = [Entity(Span(start: 0, end: 99), label: "PER")]
            }
        }
        let pipeline = try Pipeline(Overreach())
        let failure = #expect(throws: AnnotationFailure.self) { _ = try pipeline.annotate("short") }
        #expect(failure?.reason.contains("outside the text of 5 scalars") == true)
        struct Unsorted: Annotator {
            var requires: Set<LayerName> { [] }
            var provides: Set<LayerName> { [.tokens] }
            func annotate(_ document: inout Document) throws {
                document[Tokens.self] = [Token(start: 2, end: 3), Token(start: 0, end: 1)]
            }
        }
        let unsorted = #expect(throws: AnnotationFailure.self) { _ = try Pipeline(Unsorted()).annotate("abc") }
        #expect(unsorted?.reason.contains("not sorted") == true)
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
