/// A pipeline as written in a pipeline file, before any annotator is made: produced by `SpindleConfig`
/// from YAML, or by hand.
public struct PipelineDescription: Sendable {
    public struct Step: Sendable {
        /// The registered annotator's name.
        public var name: String
        /// The options the file gives (an object), laid over the annotator's defaults. A `name` key names
        /// the step (spaCy's instance names), so one annotator can run twice with different options; it
        /// is not passed to the annotator.
        public var options: JSONValue
        /// Where each option was written, by dotted key path; "" is the step itself.
        public var locations: [String: SourceLocation]

        public init(name: String, options: JSONValue = .object([:]), locations: [String: SourceLocation] = [:]) {
            self.name = name
            self.options = options
            self.locations = locations
        }

        public var location: SourceLocation? { locations[""] }

        /// The step's name in its pipeline: its `name:` option, else the annotator's name.
        public var stepName: String { options.objectValue?["name"]?.stringValue ?? name }

        /// The options the annotator sees: without the step's `name`.
        public var annotatorOptions: JSONValue {
            guard case .object(var object) = options else { return options }
            object["name"] = nil
            return .object(object)
        }
    }

    public var name: String
    public var language: String
    public var steps: [Step]
    /// The file it came from, for messages.
    public var file: String?
    /// Where relative names in options (models, lexicons) are found: the base folder first.
    public var resources: ResourceLocator
    /// Shared libraries to load before the annotators are made.
    public var plugins: [String]

    public init(name: String, language: String = "en", steps: [Step], file: String? = nil,
                resources: ResourceLocator = ResourceLocator(folders: ["."]), plugins: [String] = []) {
        self.name = name
        self.language = language
        self.steps = steps
        self.file = file
        self.resources = resources
        self.plugins = plugins
    }

    @available(*, deprecated, renamed: "init(name:language:steps:file:resources:plugins:)")
    public init(name: String, language: String = "en", steps: [Step], file: String? = nil,
                baseDirectory: String, plugins: [String] = []) {
        self.init(name: name, language: language, steps: steps, file: file,
                  resources: ResourceLocator(folders: [baseDirectory]), plugins: plugins)
    }

    /// The folder relative names are resolved against first.
    public var baseDirectory: String { resources.folders.first ?? "." }

    /// Sets one option of one step from outside the file (`--set entities.model=other.model`): `step` is a
    /// step name (or the annotator's name when only one step has it), `key` a dotted option path.
    public mutating func set(step: String, key: String, to value: JSONValue) throws(PipelineError) {
        let matches = steps.indices.filter { steps[$0].stepName == step }
        guard let index = matches.first else {
            throw .unknownAnnotator(name: step, suggestion: nearestName(to: step, in: steps.map(\.stepName)),
                                    available: steps.map(\.stepName), location: nil)
        }
        let path = key.split(separator: ".").map(String.init)
        guard !path.isEmpty else {
            throw .invalidOption(annotator: step, key: key, message: "give an option name after the step: STEP.KEY=VALUE", location: nil)
        }
        var override = value
        for component in path.reversed() { override = .object([component: override]) }
        steps[index].options = steps[index].options.overlaid(with: override)
    }
}
