/// What a plugin module offers: its annotators, under one name and version.
///
/// Each module under `Plugins/` declares one, as `public let spindlePlugin = PluginManifest(...)`; the
/// build generates the list of them, so adding a plugin means adding its folder, nothing else.
/// Shared libraries loaded at run time hand over the same thing through their C entry point.
public struct PluginManifest: Sendable {
    public var name: String
    public var version: String
    public var annotators: [AnnotatorDescriptor]

    public init(name: String, version: String = "1.0", annotators: [AnnotatorDescriptor]) {
        self.name = name
        self.version = version
        self.annotators = annotators
    }
}
