import SpindleCore

/// A match of one of the configured words.
public struct KeywordMatch: Spanned, Hashable, Encodable {
    public var span: Span
    public var keyword: String
    public init(_ span: Span, keyword: String) {
        self.span = span
        self.keyword = keyword
    }
}

/// The `keywords` layer: tokens that equal one of the configured words.
public enum KeywordsLayer: Layer {
    public static let name: LayerName = "keywords"
    public typealias Value = [KeywordMatch]
}

public struct KeywordOptions: AnnotatorOptions, Equatable {
    /// Words to find.
    public var words: [String] = []
    /// Match case exactly (default: case-insensitive).
    public var caseSensitive = false

    public init() {}

    public static let help = [
        "words": "words to find, matched against whole tokens",
        "caseSensitive": "match case exactly (default false)",
    ]
}

/// Marks tokens that are one of a list of words: the smallest useful annotator, and the example that
/// `docs/writing-annotators.md` walks through.
public struct KeywordTagger: Annotator {
    public let options: KeywordOptions
    private let words: Set<String>

    public init(_ options: KeywordOptions) {
        self.options = options
        self.words = Set(options.caseSensitive ? options.words : options.words.map { $0.lowercased() })
    }

    public var requires: Set<LayerName> { [.tokens] }
    public var provides: Set<LayerName> { [KeywordsLayer.name] }

    public func annotate(_ document: inout Document) throws {
        let index = ScalarIndex(document.text)
        var matches: [KeywordMatch] = []
        for token in document.tokens {
            let text = String(index.substring(token.span))
            let key = options.caseSensitive ? text : text.lowercased()
            if words.contains(key) { matches.append(KeywordMatch(token.span, keyword: key)) }
        }
        document[KeywordsLayer.self] = matches
    }
}

public let spindlePlugin = PluginManifest(name: "Keywords", version: "1.0", annotators: [
    AnnotatorDescriptor(name: "keywords", summary: "tokens that are one of a list of words", requires: [.tokens],
                        provides: [KeywordsLayer.name], options: KeywordOptions.self,
                        origin: .builtIn(module: "SpindleKeywords")) { options, _ in KeywordTagger(options) },
])
