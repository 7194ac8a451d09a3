import Foundation
import SpindleCore

/// One pre-tokenized gold sentence with its entity spans (token indices, half-open).
public struct GoldEntitySentence: Sendable, Equatable {
    public struct Mention: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var label: String

        public init(start: Int, end: Int, label: String) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    public var tokens: [String]
    public var entities: [Mention]
    /// Which document of its file the sentence belongs to, counted from 0 (`# newdoc` lines in Universal
    /// NER, `-DOCSTART-` in CoNLL files; a file without them is one document).
    public var document: Int

    public init(tokens: [String], entities: [Mention], document: Int = 0) {
        self.tokens = tokens
        self.entities = entities
        self.document = document
    }
}

/// Reads column files of tagged tokens: CoNLL-2003 style IOB1 (`word ... TAG`, wikigold), IOB2 with
/// an index column (`1<TAB>word<TAB>TAG ...`, Universal NER) and the GMB (`word<TAB>POS<TAB>TAG` with
/// lower-case types). Blank lines end sentences; `#` comments and `-DOCSTART-` lines are skipped.
/// Which of the two layouts a file has (tag in the third column after an index, or tag last) is decided
/// once for the whole file, since a CoNLL-2003 line like `1996 CD I-NP O` also looks like an indexed one.
///
/// `I-X` after anything but `B-X`/`I-X` opens a span, which reads IOB1 and IOB2 alike (the CoNLL
/// evaluation script does the same). Types are mapped by `labels`; a type mapped to nil is dropped.
public enum TaggedTokenFile {
    /// Type names of the supported corpora mapped to Spindle's labels.
    public static let standardLabels: [String: String?] = [
        "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC",
        "per": "PER", "org": "ORG", "geo": "LOC", "gpe": "LOC", "art": "MISC", "eve": "MISC", "nat": "MISC", "tim": nil,
    ]

    public static func read(path: String, labels: [String: String?] = standardLabels) throws(EvaluationError) -> [GoldEntitySentence] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        enum Line { case sentenceEnd, documentStart, token(columns: [String], number: Int, text: String) }
        var lines: [Line] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { lines.append(.sentenceEnd); continue }
            if trimmed.hasPrefix("# newdoc") || trimmed.hasPrefix("-DOCSTART-") { lines.append(.documentStart); continue }
            if trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            guard columns.count >= 2 else {
                throw .badLine(path, number + 1, "expected a word and a tag separated by a tab or space")
            }
            lines.append(.token(columns: columns, number: number + 1, text: trimmed))
        }
        let indexed = isIndexed(lines.map { if case .token(let columns, _, _) = $0 { columns } else { nil } })

        var sentences: [GoldEntitySentence] = []
        var tokens: [String] = [], tags: [String] = []
        var document = 0
        func finish() {
            if !tokens.isEmpty {
                sentences.append(GoldEntitySentence(tokens: tokens, entities: spans(tags, labels: labels), document: document))
            }
            tokens = []
            tags = []
        }
        for line in lines {
            switch line {
            case .sentenceEnd:
                finish()
            case .documentStart:
                finish()
                if sentences.last?.document == document { document += 1 }
            case .token(let columns, let number, let text):
                if indexed {
                    tokens.append(columns[1])
                    tags.append(columns[2])
                } else if let tag = columns.last, isTag(tag) {
                    tokens.append(columns[0])
                    tags.append(tag)
                } else {
                    throw .badLine(path, number, "no IOB tag (O, B-X or I-X) found in `\(text)`")
                }
            }
        }
        finish()
        return sentences
    }

    /// Whether a file is Universal NER's `index<TAB>word<TAB>tag ...`, decided for the whole file (one token
    /// line a row, nil for a sentence or document break): every token line has three or more columns, the
    /// first counting 1, 2, 3 ... within its sentence and the third a tag. Decided line by line, a CoNLL-2003
    /// line whose word is a number (`1996 CD I-NP O`) would pass for one, its POS tag taken for the word.
    static func isIndexed(_ rows: [[String]?]) -> Bool {
        var expected = 1, tokens = 0
        for row in rows {
            guard let columns = row else { expected = 1; continue }
            guard columns.count >= 3, Int(columns[0]) == expected, isTag(columns[2]) else { return false }
            expected += 1
            tokens += 1
        }
        return tokens > 0
    }

    private static func isTag(_ text: String) -> Bool {
        text == "O" || text.hasPrefix("B-") || text.hasPrefix("I-")
    }

    static func spans(_ tags: [String], labels: [String: String?]) -> [GoldEntitySentence.Mention] {
        var spans: [GoldEntitySentence.Mention] = []
        var open: (start: Int, type: String)?
        func close(at end: Int) {
            if let (start, type) = open, let mapped = labels[type] ?? type, !mapped.isEmpty {
                spans.append(.init(start: start, end: end, label: mapped))
            }
            open = nil
        }
        for (index, tag) in tags.enumerated() {
            if tag == "O" { close(at: index); continue }
            let type = String(tag.dropFirst(2))
            if tag.hasPrefix("B-") || open?.type != type {
                close(at: index)
                open = (index, type)
            }
        }
        close(at: tags.count)
        return spans
    }
}

/// Span-level precision, recall and F1 per label and overall, as the CoNLL script counts them: a
/// prediction is right only when its label and both ends match a gold span.
public struct EntityScores: Sendable {
    public var byLabel: [String: Scores] = [:]
    public var sentences = 0
    /// Sentences whose scored predictions differ from the gold: (sentence index, predicted, gold).
    public var mismatches: [(sentence: Int, predicted: [GoldEntitySentence.Mention], gold: [GoldEntitySentence.Mention])] = []

    public var overall: Scores { byLabel.values.reduce(Scores(), +) }
}

/// Runs an entity annotator over gold sentences, tokenized as the gold data is.
public struct EntityEvaluation: Sendable {
    public let annotator: any Annotator
    /// Only these labels are scored (predictions of other labels are ignored); nil scores all.
    public let labels: Set<String>?

    public init(annotator: any Annotator, labels: Set<String>? = nil) {
        self.annotator = annotator
        self.labels = labels
    }

    /// Gold sentences as one document: each sentence's tokens joined by single spaces, sentences by
    /// newlines, with the gold tokens and sentences set directly, so the annotator sees exactly the gold
    /// tokenization.
    public static func document(for sentences: ArraySlice<GoldEntitySentence>, id: String) -> Document {
        var tokens: [Token] = []
        var spans: [Sentence] = []
        var offset = 0
        for sentence in sentences {
            let first = tokens.count, start = offset
            for word in sentence.tokens {
                let length = word.unicodeScalars.count
                tokens.append(Token(start: offset, end: offset + length))
                offset += length + 1
            }
            spans.append(Sentence(Span(start: start, end: max(start, offset - 1)), tokens: first..<tokens.count))
        }
        var document = Document(id: id, text: sentences.map { $0.tokens.joined(separator: " ") }.joined(separator: "\n"))
        document[Tokens.self] = tokens
        document[Sentences.self] = spans
        return document
    }

    /// Scores every sentence. With `byDocument` the sentences of one document are annotated together,
    /// as an article is, so what the annotator does across sentences (one label per name, surnames of
    /// people named in full) counts; otherwise each sentence is a document of its own.
    public func evaluate(_ sentences: [GoldEntitySentence], byDocument: Bool = false) throws -> EntityScores {
        var scores = EntityScores()
        var first = 0
        while first < sentences.count {
            var end = first + 1
            while byDocument, end < sentences.count, sentences[end].document == sentences[first].document { end += 1 }
            var document = Self.document(for: sentences[first..<end], id: "sentence-\(first + 1)")
            try annotator.annotate(&document)
            let tokenAt = Dictionary(uniqueKeysWithValues: document.tokens.enumerated().map { ($1.span.start, $0) })
            let tokenEnding = Dictionary(uniqueKeysWithValues: document.tokens.enumerated().map { ($1.span.end, $0 + 1) })
            let ranges = document.sentences.map(\.tokens)
            var predicted = Array(repeating: [GoldEntitySentence.Mention](), count: end - first)
            for entity in document.entities {
                let sentence = document.sentences.lastIndex { $0.span.start <= entity.span.start } ?? 0
                guard let start = tokenAt[entity.span.start], let stop = tokenEnding[entity.span.end],
                      ranges[sentence].contains(start), stop <= ranges[sentence].upperBound else {
                    // An entity that does not start and end on gold token boundaries of one sentence can match nothing.
                    predicted[sentence].append(GoldEntitySentence.Mention(start: -1, end: -1, label: entity.label))
                    continue
                }
                let base = ranges[sentence].lowerBound
                predicted[sentence].append(GoldEntitySentence.Mention(start: start - base, end: stop - base, label: entity.label))
            }
            for offset in 0..<(end - first) {
                score(predicted[offset], against: sentences[first + offset], number: first + offset, into: &scores)
            }
            first = end
        }
        return scores
    }

    private func score(_ predicted: [GoldEntitySentence.Mention], against sentence: GoldEntitySentence, number: Int,
                       into scores: inout EntityScores) {
        let scored = labels ?? Set(predicted.map(\.label) + sentence.entities.map(\.label))
        let predictedScored = predicted.filter { scored.contains($0.label) }
        let goldScored = sentence.entities.filter { scored.contains($0.label) }
        for label in scored {
            scores.byLabel[label, default: Scores()].add(predicted: predictedScored.filter { $0.label == label },
                                                         gold: goldScored.filter { $0.label == label })
        }
        if Set(predictedScored) != Set(goldScored) { scores.mismatches.append((number, predictedScored, goldScored)) }
        scores.sentences += 1
    }
}
