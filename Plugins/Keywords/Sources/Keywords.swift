import SpindleCore

/// A match of one of the configured words.
public struct KeywordMatch: Spanned, Hashable, Codable {
    public var span: Span
    public var keyword: String
    public init(_ span: Span, keyword: String) {
        self.span = span
        self.keyword = keyword
    }
}

/// The `keywords` layer: tokens that equal one of the configured words. Written, read back and checked
/// by the `Layer` defaults, as `{"start", "end", "text", "keyword"}` objects.
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
public struct KeywordTagger: DescribedAnnotator {
    public static let name = "keywords"
    public static let summary = "tokens that are one of a list of words"
    public static let layers = LayerRequirements(requires: [.tokens], provides: [KeywordsLayer.name])

    public let options: KeywordOptions
    private let words: Set<String>

    public init(_ options: KeywordOptions) {
        self.options = options
        self.words = Set(options.caseSensitive ? options.words : options.words.map { $0.lowercased() })
    }

    public init(options: KeywordOptions, context: AnnotatorContext) {
        self.init(options)
    }

    public func annotate(_ document: inout Document) throws {
        let view = document.textView
        let keys = options.caseSensitive ? view.tokenTexts.map(String.init) : view.lowercasedTokens
        let tokens = document.tokens
        document[KeywordsLayer.self] = keys.indices.filter { words.contains(keys[$0]) }.map { KeywordMatch(tokens[$0].span, keyword: keys[$0]) }
    }
}

public let spindlePlugin = PluginManifest(name: "Keywords", annotators: [KeywordTagger.self], layers: [KeywordsLayer.self])
