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
public struct EntityRecognizer: DescribedAnnotator {
    public static let name = "entities"
    public static let summary = "named entities (PER, ORG, LOC, MISC) with canonical names, averaged-perceptron tagger"
    public static let layers = LayerRequirements(requires: [.tokens, .sentences], provides: [.entities])

    public let model: EntityModel

    public init(model: EntityModel) { self.model = model }

    public init(options: EntitiesOptions, context: AnnotatorContext) throws(AnnotatorSetupError) {
        guard let path = context.resources.locate(options.model) else {
            let searched = context.resources.candidates(options.model).map { "`\($0)`" }.joined(separator: ", ")
            throw .option("model", "\(EntityModelError.missing(path: options.model)) (looked for \(searched))")
        }
        do {
            self.init(model: try ModelFile.load(path: path))
        } catch {
            throw .option("model", error.description)
        }
    }

    public func annotate(_ document: inout Document) throws {
        let tokens = document.tokens
        let view = document.textView
        let words = view.tokenTexts
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
        let index = view.scalarIndex
        document[Entities.self] = found.indices.map { number in
            let span = found[number].span, name = canonical[number], named = found[name.mention].span
            let nameSpan = Span(start: tokens[named.start].span.start, end: tokens[named.start + name.words - 1].span.end)
            return Entity(Span(start: tokens[span.start].span.start, end: tokens[span.end - 1].span.end),
                          label: mentions[number].label, canonical: String(index.substring(nameSpan)))
        }
    }
}

public let spindlePlugin = PluginManifest(name: "Entities", annotators: [EntityRecognizer.self])
