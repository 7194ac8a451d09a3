import SpindleCore
import SpindlePluginKit

/// Marks social-media handles and hashtags (`@calderport`, `#bridgevote`) as the `handles` layer.
struct HandleTagger: Annotator {
    struct Options: AnnotatorOptions {
        /// Also mark hashtags, not only @-handles.
        var hashtags = true
        init() {}
    }

    struct Handle: Encodable, Sendable {
        var span: Span
        var kind: String
    }

    enum Handles: Layer {
        static let name: LayerName = "handles"
        typealias Value = [Handle]
    }

    let options: Options
    var requires: Set<LayerName> { [.tokens] }
    var provides: Set<LayerName> { [Handles.name] }

    func annotate(_ document: inout Document) throws {
        let index = ScalarIndex(document.text)
        document[Handles.self] = document.tokens.compactMap { token in
            let text = index.substring(token.span)
            guard text.count > 1 else { return nil }
            if text.hasPrefix("@") { return Handle(span: token.span, kind: "handle") }
            if options.hashtags, text.hasPrefix("#") { return Handle(span: token.span, kind: "hashtag") }
            return nil
        }
    }
}

let manifest = PluginManifest(name: "HandleTagger", version: "1.0", annotators: [
    AnnotatorDescriptor(name: "handles", summary: "@-handles and #hashtags", requires: [.tokens], provides: ["handles"],
                        options: HandleTagger.Options.self, origin: .builtIn(module: "HandleTagger")) { options, _ in
        HandleTagger(options: options)
    },
])

/// The C entry point Spindle looks up with dlsym.
@_cdecl("spindle_plugin_entry")
public func spindlePluginEntry() -> UnsafeRawPointer { exportPlugin(manifest) }
