import SpindleCore

/// The `entities` annotator's options.
public struct EntitiesOptions: AnnotatorOptions, Equatable {
    /// The trained model, relative to the project root for pipelines under `pipelines/`.
    public var model = "models/entities-en.model"

    public init() {}

    public static let help = [
        "model": "trained entity model file (default models/entities-en.model; make one with `spindle train entities`)",
    ]
}

/// Finds PER, ORG, LOC and MISC mentions sentence by sentence with a trained `EntityModel`, then gives
/// each mention the canonical (fullest) name of its entity in the document.
public struct EntityRecognizer: Annotator {
    public let model: EntityModel

    public init(model: EntityModel) { self.model = model }

    public init(options: EntitiesOptions, context: AnnotatorContext) throws(EntityModelError) {
        self.init(model: try ModelFile.load(path: context.resolve(path: options.model)))
    }

    public var requires: Set<LayerName> { [.tokens, .sentences] }
    public var provides: Set<LayerName> { [.entities] }

    public func annotate(_ document: inout Document) throws {
        let tokens = document.tokens
        let words = Self.texts(of: tokens, in: document.text)
        let lexicon = model.extractor.lexicon
        var found: [(span: TokenSpan, words: ArraySlice<Substring>)] = []
        for sentence in document.sentences where !sentence.tokens.isEmpty {
            let sentenceWords = Array(words[sentence.tokens])
            let spans = SpanCleanup.clean(model.spans(in: sentenceWords), tokens: sentenceWords,
                                          wordClasses: model.extractor.wordClasses,
                                          isTitle: { lexicon.contains([$0], category: "person-titles") })
            for span in spans {
                let absolute = TokenSpan(start: sentence.tokens.lowerBound + span.start,
                                         end: sentence.tokens.lowerBound + span.end, label: span.label)
                found.append((absolute, words[absolute.start..<absolute.end]))
            }
        }
        var mentions = found.map { MentionGrouping.Mention(words: $0.words.map(String.init), label: $0.span.label) }
        let labels = LabelConsistency.harmonize(mentions, isCountry: { lexicon.contains($0, category: "countries") },
                                                isPlaceWord: { lexicon.contains([$0], category: "place-words") },
                                                isOrganizationWord: { lexicon.contains([$0], category: "org-suffixes") })
        for (index, label) in labels.enumerated() { mentions[index].label = label }
        let canonical = MentionGrouping.canonical(mentions)
        let index = ScalarIndex(document.text)
        document[Entities.self] = found.indices.map { number in
            let span = found[number].span, name = canonical[number], named = found[name.mention].span
            let nameSpan = Span(start: tokens[named.start].span.start, end: tokens[named.start + name.words - 1].span.end)
            return Entity(Span(start: tokens[span.start].span.start, end: tokens[span.end - 1].span.end),
                          label: mentions[number].label, canonical: String(index.substring(nameSpan)))
        }
    }

    /// The text of every token, found in one pass over the UTF-8 bytes (tokens are sorted).
    static func texts(of tokens: [Token], in text: String) -> [Substring] {
        var cursor = ScalarCursor(text.utf8)
        return tokens.map { token in
            let start = cursor.advance(to: token.span.start)
            return text[start..<cursor.advance(to: token.span.end)]
        }
    }
}

/// Walks a text forward from scalar offset to scalar offset.
private struct ScalarCursor {
    let utf8: String.UTF8View
    var scalar = 0
    var byte: String.Index

    init(_ utf8: String.UTF8View) {
        self.utf8 = utf8
        byte = utf8.startIndex
    }

    mutating func advance(to target: Int) -> String.Index {
        while scalar < target, byte < utf8.endIndex {
            byte = utf8.index(after: byte)
            while byte < utf8.endIndex, utf8[byte] & 0xC0 == 0x80 { byte = utf8.index(after: byte) }
            scalar += 1
        }
        return byte
    }
}

public let spindlePlugin = PluginManifest(name: "Entities", version: "1.0", annotators: [
    AnnotatorDescriptor(name: "entities", summary: "named entities (PER, ORG, LOC, MISC) with canonical names, averaged-perceptron tagger",
                        requires: [.tokens, .sentences], provides: [.entities], options: EntitiesOptions.self,
                        origin: .builtIn(module: "SpindleEntities")) { options, context in
        try EntityRecognizer(options: options, context: context)
    },
])
