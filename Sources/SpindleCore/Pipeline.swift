/// Annotators in order, checked when built: each one's requirements are provided by an earlier step,
/// so "quotes before tokens" fails here, at load time, and never half-way through a batch.
///
/// A pipeline is `Sendable` and immutable; one instance serves every thread.
public struct Pipeline: Sendable {
    public struct Step: Sendable {
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

    /// A pipeline of ready annotators. `locations` (one per step, optional) go into error messages.
    public init(name: String = "pipeline", steps: [Step], locations: [SourceLocation?] = [],
                registry: AnnotatorRegistry? = nil) throws(PipelineError) {
        guard !steps.isEmpty else { throw .empty(pipeline: name, location: nil) }
        var available: Set<LayerName> = []
        for (index, step) in steps.enumerated() {
            let location = index < locations.count ? locations[index] : nil
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
    }

    /// Convenience for code: `try Pipeline(Tokenizer(), SentenceSplitter())`.
    public init(name: String = "pipeline", _ annotators: any Annotator...) throws(PipelineError) {
        try self.init(name: name, steps: annotators.map { Step(name: String(describing: type(of: $0)), annotator: $0) })
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
            let given = step.options.objectValue ?? [:]
            for key in given.keys.sorted() where descriptor.options[key] == nil {
                throw .unknownOption(annotator: step.name, key: key,
                                     suggestion: nearestName(to: key, in: descriptor.options.keys),
                                     valid: descriptor.options.keys.sorted(),
                                     location: step.locations[key] ?? step.location)
            }
            let context = AnnotatorContext(annotatorName: step.name, options: descriptor.defaults.overlaid(with: step.options),
                                           baseDirectory: description.baseDirectory, language: description.language,
                                           locations: step.locations)
            let annotator: any Annotator
            do {
                annotator = try descriptor.make(context)
            } catch let error as PipelineError {
                throw error
            } catch {
                throw .annotatorFailedToLoad(annotator: step.name, reason: "\(error)", location: step.location)
            }
            steps.append(Step(name: step.name, annotator: annotator, origin: descriptor.origin))
        }
        try self.init(name: description.name, steps: steps, locations: description.steps.map(\.location), registry: registry)
    }

    /// Every layer the pipeline adds.
    public var provides: Set<LayerName> { steps.reduce(into: []) { $0.formUnion($1.annotator.provides) } }

    /// Runs every step in order. A step that throws, or that does not add a layer it promised, fails
    /// the document with the step's name; the document is left as the failing step found it.
    public func annotate(_ document: inout Document) throws(AnnotationFailure) {
        for step in steps {
            do {
                try step.annotator.annotate(&document)
            } catch {
                throw AnnotationFailure(documentID: document.id, annotator: step.name, reason: "\(error)")
            }
            for layer in step.annotator.provides where !document.has(layer) {
                throw AnnotationFailure(documentID: document.id, annotator: step.name,
                                        reason: "it declares that it provides `\(layer)` but did not add it")
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
