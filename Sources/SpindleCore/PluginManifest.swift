/// What a plugin module offers: its annotators and the layer types it defines, under one name and version.
///
/// Each module under `Plugins/` declares one, as `public let spindlePlugin = PluginManifest(...)`; the
/// build generates the list of them, so adding a plugin means adding its folder, nothing else.
/// Shared libraries loaded at run time hand over the same thing through their C entry point.
///
/// ```swift
/// public let spindlePlugin = PluginManifest(name: "Keywords", annotators: [KeywordTagger.self], layers: [Keywords.self])
/// ```
public struct PluginManifest: Sendable {
    public var name: String
    public var version: String
    public var annotators: [AnnotatorDescriptor]
    /// The layer types the plugin defines: how they are written, read back from JSON and span-checked.
    public var layers: [LayerKind]

    public init(name: String, version: String = "1.0", annotators: [AnnotatorDescriptor], layers: [LayerKind] = []) {
        self.name = name
        self.version = version
        self.annotators = annotators
        self.layers = layers
    }

    /// A manifest of self-describing annotator types and layer types.
    public init(name: String, version: String = "1.0", annotators: [any DescribedAnnotator.Type],
                layers: [any Layer.Type] = []) {
        self.init(name: name, version: version, annotators: annotators.map { AnnotatorDescriptor($0) },
                  layers: layers.map { LayerKind($0) })
    }
}
