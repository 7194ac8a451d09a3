import Spindle
@testable import SpindleEntities

/// A small hand-written training set (our own sentences, no corpus text) and a model trained on it.
enum TinyCorpus {
    static let sentences: [TrainingSentence] = [
        sentence("Maria Jensen visited Oslo on Monday .", ("Maria Jensen", "PER"), ("Oslo", "LOC")),
        sentence("The mayor of Oslo met Tomas Berg .", ("Oslo", "LOC"), ("Tomas Berg", "PER")),
        sentence("Nordvik Shipping Inc opened an office in Bergen .", ("Nordvik Shipping Inc", "ORG"), ("Bergen", "LOC")),
        sentence("Tomas Berg said Nordvik Shipping Inc would hire .", ("Tomas Berg", "PER"), ("Nordvik Shipping Inc", "ORG")),
        sentence("Jensen flew from Bergen to Oslo .", ("Jensen", "PER"), ("Bergen", "LOC"), ("Oslo", "LOC")),
        sentence("Berg works for Fjord Power Corp in Stavanger .", ("Berg", "PER"), ("Fjord Power Corp", "ORG"), ("Stavanger", "LOC")),
        sentence("the office was quiet and the rain went on .",),
        sentence("Anna Lund joined Fjord Power Corp last year .", ("Anna Lund", "PER"), ("Fjord Power Corp", "ORG")),
    ]

    /// Builds a sentence from space-separated words and (phrase, label) pairs found in it in order.
    static func sentence(_ text: String, _ entities: (String, String)...) -> TrainingSentence {
        let words = text.split(separator: " ").map(String.init)
        var spans: [TokenSpan] = []
        var from = 0
        for (phrase, label) in entities {
            let target = phrase.split(separator: " ").map(String.init)
            let start = (from...(words.count - target.count)).first { Array(words[$0..<($0 + target.count)]) == target }!
            spans.append(TokenSpan(start: start, end: start + target.count, label: label))
            from = start + target.count
        }
        return TrainingSentence(tokens: words, spans: spans)
    }

    static let lexicon = Lexicon(phrases: ["cities": ["Oslo", "Bergen", "Stavanger", "New York"],
                                           "org-suffixes": ["Inc", "Corp"]])

    static let model: EntityModel = {
        var settings = TrainingSettings()
        settings.epochs = 8
        settings.hashBits = 14
        let trainer = PerceptronTrainer(settings: settings, lexicon: lexicon,
                                        wordClasses: WordClasses(counting: sentences.map(\.tokens), minimumCount: 1))
        return trainer.train(sentences).model
    }()

    /// Tokens and sentences from the real annotators, as a pipeline would give them.
    static func prepare(_ text: String) throws -> Document {
        var document = Document(text: text)
        try Tokenizer().annotate(&document)
        try SentenceSplitter().annotate(&document)
        return document
    }
}
