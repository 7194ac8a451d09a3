@_exported import SpindleConfig
@_exported import SpindleCore
@_exported import SpindleExternal
@_exported import SpindleIO
@_exported import SpindleText

/// The entry point for host programs: the built-in annotators, and pipelines loaded by name or path.
///
/// ```swift
/// import Spindle
/// let pipeline = try Spindle.pipeline("default")
/// let document = try pipeline.annotate("Mr. Smith went to Washington. He didn't stay.")
/// for sentence in document.sentences { print(document.text(of: sentence.span)) }
/// ```
public enum Spindle {
    /// The plugin modules compiled into this build (generated from the folders under `Plugins/`).
    public static let plugins: [PluginManifest] = inTreePlugins

    /// Everything compiled into this build: tokens and sentences, subprocess annotators, then each
    /// in-tree plugin, with the layer types they define.
    public static let builtInPlugins: [PluginManifest] = [textPlugin, externalPlugin] + inTreePlugins

    /// Every annotator compiled into this build.
    public static var builtInAnnotators: [AnnotatorDescriptor] { builtInPlugins.flatMap(\.annotators) }

    /// A registry with the built-in annotators and layers, and those of the shared-library plugins at `libraries`.
    public static func registry(loading libraries: [String] = []) throws -> AnnotatorRegistry {
        var registry = try AnnotatorRegistry(builtInPlugins)
        for path in libraries {
            try registry.register(try SharedLibraryPlugin.load(path: path).annotators)
        }
        return registry
    }

    /// Loads a pipeline file by bare name (`default` → `pipelines/default.yaml`) or path, loads the plugins it
    /// lists (and `plugins`, e.g. from `--plugin`), and builds it.
    public static func pipeline(_ nameOrPath: String, plugins: [String] = [],
                                locator: PipelineLocator = PipelineLocator()) throws -> Pipeline {
        let description = try PipelineFile.load(path: try locator.locate(nameOrPath))
        return try Pipeline(description, registry: try registry(loading: plugins + description.plugins))
    }
}
