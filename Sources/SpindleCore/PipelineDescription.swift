/// A pipeline as written in a pipeline file, before any annotator is made: produced by `SpindleConfig`
/// from YAML, or by hand.
public struct PipelineDescription: Sendable {
    public struct Step: Sendable {
        public var name: String
        /// The options the file gives (an object), laid over the annotator's defaults.
        public var options: JSONValue
        /// Where each option was written, by dotted key path; "" is the step itself.
        public var locations: [String: SourceLocation]

        public init(name: String, options: JSONValue = .object([:]), locations: [String: SourceLocation] = [:]) {
            self.name = name
            self.options = options
            self.locations = locations
        }

        public var location: SourceLocation? { locations[""] }
    }

    public var name: String
    public var language: String
    public var steps: [Step]
    /// The file it came from, for messages.
    public var file: String?
    /// Where relative paths in options (models, lexicons) are resolved.
    public var baseDirectory: String
    /// Shared libraries to load before the annotators are made.
    public var plugins: [String]

    public init(name: String, language: String = "en", steps: [Step], file: String? = nil,
                baseDirectory: String = ".", plugins: [String] = []) {
        self.name = name
        self.language = language
        self.steps = steps
        self.file = file
        self.baseDirectory = baseDirectory
        self.plugins = plugins
    }
}
