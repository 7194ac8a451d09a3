import SpindleCore

// A plugin as a third party would write it, defining a layer of its own with spans nested in its items.
// Everything it needs lives in this folder: the writer, the reader, the span check and the conformance
// suite learn the layer from its manifest.

/// One clause: its span, the span of its first word, and its comma-separated parts.
struct Clause: Spanned, Hashable, Codable {
    struct Part: Spanned, Hashable, Codable {
        var span: Span
        var role: String
    }
    var span: Span
    var head: Span
    var parts: [Part]
}

enum Clauses: Layer {
    static let name: LayerName = "clauses"
    typealias Value = [Clause]
}

struct ClauseOptions: AnnotatorOptions {
    /// Shift every head this many scalars: a way to make a broken annotator for the tests.
    var headShift = 0
    init() {}
    static let help = ["headShift": "move heads by this many scalars (tests only)"]
}

/// Sentence-free clauses: stretches between full stops, split into parts at commas.
struct ClauseMarker: DescribedAnnotator {
    static let name = "clauses"
    static let summary = "clauses and their parts (a test plugin)"
    static let layers = LayerRequirements(requires: [.tokens], provides: [Clauses.name])

    let options: ClauseOptions

    init(options: ClauseOptions = ClauseOptions(), context: AnnotatorContext = AnnotatorContext(annotatorName: name)) {
        self.options = options
    }

    func annotate(_ document: inout Document) throws {
        let tokens = document.tokens
        let texts = document.textView.tokenTexts
        var clauses: [Clause] = []
        var start = 0
        for index in tokens.indices where texts[index] == "." || index == tokens.count - 1 {
            let range = start..<(index + 1)
            start = index + 1
            var parts: [Clause.Part] = []
            var partStart = range.lowerBound
            for token in range where texts[token] == "," || token == range.upperBound - 1 {
                parts.append(Clause.Part(span: Span(start: tokens[partStart].span.start, end: tokens[token].span.end),
                                         role: parts.isEmpty ? "first" : "more"))
                partStart = token + 1
            }
            let head = tokens[range.lowerBound].span
            clauses.append(Clause(span: Span(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end),
                                  head: Span(start: head.start + options.headShift, end: head.end + options.headShift),
                                  parts: parts))
        }
        document[Clauses.self] = clauses
    }
}

/// Words and punctuation on spaces and before `,` and `.`: enough tokens for the plugin.
struct PunctuationTokenizer: Annotator {
    var requires: Set<LayerName> { [] }
    var provides: Set<LayerName> { [.tokens] }

    func annotate(_ document: inout Document) throws {
        var tokens: [Token] = []
        var start: Int?
        for (offset, scalar) in document.text.unicodeScalars.enumerated() {
            let isPunctuation = scalar == "," || scalar == "."
            if scalar == " " || isPunctuation {
                if let word = start { tokens.append(Token(start: word, end: offset)) }
                start = nil
                if isPunctuation { tokens.append(Token(start: offset, end: offset + 1)) }
            } else if start == nil {
                start = offset
            }
        }
        if let word = start { tokens.append(Token(start: word, end: document.text.unicodeScalars.count)) }
        document[Tokens.self] = tokens
    }
}

let clausePlugin = PluginManifest(name: "Clauses", annotators: [ClauseMarker.self], layers: [Clauses.self])
