/// Annotators in order, checked when built: each one's requirements are provided by an earlier step,
/// so "quotes before tokens" fails here, at load time, and never half-way through a batch.
///
/// A pipeline is `Sendable` and immutable; one instance serves every thread.
public struct Pipeline: Sendable {
    public struct Step: Sendable {
        /// The step's name in the pipeline (unique): the annotator's, or the `name:` the file gives it.
        public var name: String
        public var annotator: any Annotator
        public var origin: AnnotatorOrigin

        public init(name: String, annotator: any Annotator, origin: AnnotatorOrigin = .builtIn(module: "host")) {
            self.name = name
            self.annotator = annotator
            self.origin = origin
        }
    }

    public let name: String
    public let steps: [Step]
    /// The layer types the pipeline's plugins define: layers that arrive as JSON are read with them
    /// before a step that needs them runs.
    public let layers: LayerTable

    /// A pipeline of ready annotators. `locations` (one per step, optional) go into error messages.
    public init(name: String = "pipeline", steps: [Step], locations: [SourceLocation?] = [],
                registry: AnnotatorRegistry? = nil) throws(PipelineError) {
        guard !steps.isEmpty else { throw .empty(pipeline: name, location: nil) }
        var available: Set<LayerName> = []
        var names: Set<String> = []
        for (index, step) in steps.enumerated() {
            let location = index < locations.count ? locations[index] : nil
            guard names.insert(step.name).inserted else {
                throw .duplicateStep(name: step.name, location: location)
            }
            for layer in step.annotator.requires.sorted() where !available.contains(layer) {
                let providers = registry?.all.filter { $0.provides.contains(layer) }.map(\.name) ?? []
                throw .unmetRequirement(annotator: step.name, layer: layer, providers: providers, location: location)
            }
            for layer in step.annotator.uses.sorted() where !available.contains(layer) {
                if let later = steps[(index + 1)...].first(where: { $0.annotator.provides.contains(layer) }) {
                    throw .optionalLayerTooLate(annotator: step.name, layer: layer, provider: later.name, location: location)
                }
            }
            available.formUnion(step.annotator.provides)
        }
        self.name = name
        self.steps = steps
        self.layers = registry?.layers ?? .builtIn
    }

    /// Convenience for code: `try Pipeline(Tokenizer(), SentenceSplitter())`.
    public init(name: String = "pipeline", _ annotators: any Annotator...) throws(PipelineError) {
        var counts: [String: Int] = [:]
        try self.init(name: name, steps: annotators.map { annotator in
            let base = (annotator as? any DescribedAnnotator).map { type(of: $0).name } ?? String(describing: type(of: annotator))
            counts[base, default: 0] += 1
            return Step(name: counts[base]! == 1 ? base : "\(base)-\(counts[base]!)", annotator: annotator)
        })
    }

    /// Makes every annotator of a description with the registry's factories, then checks requirements.
    public init(_ description: PipelineDescription, registry: AnnotatorRegistry) throws(PipelineError) {
        guard !description.steps.isEmpty else {
            throw .empty(pipeline: description.name, location: description.file.map { SourceLocation(file: $0, line: 1, column: 1) })
        }
        var steps: [Step] = []
        for step in description.steps {
            guard let descriptor = registry[step.name] else {
                throw .unknownAnnotator(name: step.name, suggestion: nearestName(to: step.name, in: registry.names),
                                        available: registry.names, location: step.location)
            }
            if let name = step.options.objectValue?["name"], name.stringValue?.isEmpty ?? true {
                throw .invalidOption(annotator: step.name, key: "name", message: "a step name is a non-empty string",
                                     location: step.locations["name"] ?? step.location)
            }
            let given = step.annotatorOptions.objectValue ?? [:]
            for key in given.keys.sorted() where descriptor.options[key] == nil {
                throw .unknownOption(annotator: step.stepName, key: key,
                                     suggestion: nearestName(to: key, in: Array(descriptor.options.keys) + ["name"]),
                                     valid: descriptor.options.keys.sorted(),
                                     location: step.locations[key] ?? step.location)
            }
            let context = AnnotatorContext(annotatorName: step.name, stepName: step.stepName,
                                           options: descriptor.defaults.overlaid(with: step.annotatorOptions),
                                           resources: description.resources, layers: registry.layers,
                                           language: description.language,
                                           locations: step.locations)
            steps.append(Step(name: step.stepName, annotator: try descriptor.make(context), origin: descriptor.origin))
        }
        try self.init(name: description.name, steps: steps, locations: description.steps.map(\.location), registry: registry)
    }

    /// Every layer the pipeline adds.
    public var provides: Set<LayerName> { steps.reduce(into: []) { $0.formUnion($1.annotator.provides) } }

    /// Runs every step in order. Before a step, the layers it reads that arrived as JSON are read as
    /// their Swift types; after it, every layer it promised must be there with its spans inside the
    /// text and sorted. A step that throws or breaks that fails the document with the step's name; the
    /// document is left as the failing step found it.
    public func annotate(_ document: inout Document) throws(AnnotationFailure) {
        for index in steps.indices { try run(index, on: &document) }
    }

    /// `annotate(_:)`, telling `observer` how long each step took: what `spindle bench` reports.
    public func annotate(_ document: inout Document, observer: (StepTiming) -> Void) throws(AnnotationFailure) {
        let clock = ContinuousClock()
        for index in steps.indices {
            let started = clock.now
            try run(index, on: &document)
            observer(StepTiming(step: index, name: steps[index].name, duration: clock.now - started))
        }
    }

    private func run(_ index: Int, on document: inout Document) throws(AnnotationFailure) {
        let step = steps[index]
        func failure(_ reason: String) -> AnnotationFailure {
            AnnotationFailure(documentID: document.id, annotator: step.name, reason: reason)
        }
        do {
            try document.decodeLayers(step.annotator.requires.union(step.annotator.uses), table: layers)
        } catch {
            throw failure("it reads \(error)")
        }
        var before = document
        do {
            try step.annotator.annotate(&document)
        } catch {
            swap(&before, &document)
            throw failure("\(error)")
        }
        for layer in step.annotator.provides {
            guard document.has(layer) else {
                swap(&before, &document)
                throw failure("it declares that it provides `\(layer)` but did not add it")
            }
            do {
                try document.checkSpans(of: layer)
            } catch {
                swap(&before, &document)
                throw failure("it added \(error)")
            }
        }
    }

    /// Annotates a text and returns the document.
    public func annotate(_ text: String, id: String = "doc") throws(AnnotationFailure) -> Document {
        var document = Document(id: id, text: text)
        try annotate(&document)
        return document
    }
}

/// How long one step took on one document.
public struct StepTiming: Hashable, Sendable {
    /// The step's position in the pipeline.
    public var step: Int
    public var name: String
    public var duration: Duration
}
