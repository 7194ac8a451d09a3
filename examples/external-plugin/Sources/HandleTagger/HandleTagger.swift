import SpindleCore
import SpindlePluginKit

/// A social-media handle or hashtag, with its kind.
struct Handle: Spanned, Hashable, Codable {
    var span: Span
    var kind: String
}

/// The `handles` layer: written as `{"start", "end", "text", "kind"}` objects by the `Layer` defaults.
enum Handles: Layer {
    static let name: LayerName = "handles"
    typealias Value = [Handle]
}

/// Marks social-media handles and hashtags (`@calderport`, `#bridgevote`) as the `handles` layer.
struct HandleTagger: DescribedAnnotator {
    static let name = "handles"
    static let summary = "@-handles and #hashtags"
    static let layers = LayerRequirements(requires: [.tokens], provides: [Handles.name])

    struct Options: AnnotatorOptions {
        /// Also mark hashtags, not only @-handles.
        var hashtags = true
        init() {}
        static let help = ["hashtags": "also mark #hashtags (default true)"]
    }

    let options: Options

    init(options: Options, context: AnnotatorContext) {
        self.options = options
    }

    func annotate(_ document: inout Document) throws {
        let texts = document.textView.tokenTexts
        document[Handles.self] = document.tokens.indices.compactMap { index in
            let text = texts[index]
            guard text.count > 1 else { return nil }
            if text.hasPrefix("@") { return Handle(span: document.tokens[index].span, kind: "handle") }
            if options.hashtags, text.hasPrefix("#") { return Handle(span: document.tokens[index].span, kind: "hashtag") }
            return nil
        }
    }
}

let manifest = PluginManifest(name: "HandleTagger", version: "1.0", annotators: [HandleTagger.self], layers: [Handles.self])

/// The C entry point Spindle looks up with dlsym.
@_cdecl("spindle_plugin_entry")
public func spindlePluginEntry() -> UnsafeRawPointer { exportPlugin(manifest) }
