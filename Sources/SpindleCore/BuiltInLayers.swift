/// Word and punctuation tokens, sorted, not overlapping.
public enum Tokens: Layer {
    public typealias Value = [Token]
    public static var name: LayerName { .tokens }
    public static var spansMayOverlap: Bool { false }

    public static func write(_ value: [Token], to output: inout JSONOutput) { output.spanList(value) }

    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> [Token] {
        try ContractReader(name, document).list(json) { (item, reader) throws(LayerReadError) in Token(try reader.span(item)) }
    }

    public static func visitSpans(of value: [Token], _ visit: (Span, Bool) -> Void) {
        for token in value { visit(token.span, true) }
    }
}

/// Sentences, sorted, not overlapping; each starts and ends on a token boundary.
public enum Sentences: Layer {
    public typealias Value = [Sentence]
    public static var name: LayerName { .sentences }
    public static var spansMayOverlap: Bool { false }

    public static func write(_ value: [Sentence], to output: inout JSONOutput) { output.spanList(value) }

    /// Spans, with each sentence's token range worked out from the token layer read before it.
    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> [Sentence] {
        let spans = try ContractReader(name, document).list(json) { (item, reader) throws(LayerReadError) in try reader.span(item) }
        let tokens = document.tokens
        var index = 0
        return spans.map { span in
            while index < tokens.count, tokens[index].span.start < span.start { index += 1 }
            let first = index
            while index < tokens.count, tokens[index].span.end <= span.end { index += 1 }
            return Sentence(span, tokens: first..<index)
        }
    }

    public static func visitSpans(of value: [Sentence], _ visit: (Span, Bool) -> Void) {
        for sentence in value { visit(sentence.span, true) }
    }
}

/// Named entity mentions (PER, ORG, LOC, MISC).
public enum Entities: Layer {
    public typealias Value = [Entity]
    public static var name: LayerName { .entities }

    public static func write(_ value: [Entity], to output: inout JSONOutput) {
        output.objects(value) { output, item in
            output.spanFields(item.span)
            output.raw(",\"label\":"); output.string(item.label)
            if let canonical = item.canonical { output.raw(",\"canonical\":"); output.string(canonical) }
        }
    }

    /// A mention without a label is MISC, as CoNLL's catch-all.
    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> [Entity] {
        try ContractReader(name, document).list(json) { (item, reader) throws(LayerReadError) in
            Entity(try reader.span(item), label: item.objectValue?["label"]?.stringValue ?? "MISC",
                   canonical: item.objectValue?["canonical"]?.stringValue)
        }
    }

    public static func visitSpans(of value: [Entity], _ visit: (Span, Bool) -> Void) {
        for entity in value { visit(entity.span, true) }
    }
}

/// Direct quotes with their speaker and speech cue.
public enum Quotes: Layer {
    public typealias Value = [Quote]
    public static var name: LayerName { .quotes }

    public static func write(_ value: [Quote], to output: inout JSONOutput) {
        output.objects(value) { output, item in
            output.spanFields(item.span)
            output.raw(",\"speaker\":")
            if let speaker = item.speaker {
                output.raw("{"); output.spanFields(speaker.span)
                output.raw(",\"canonical\":")
                if let canonical = speaker.canonical { output.string(canonical) } else { output.raw("null") }
                output.raw("}")
            } else {
                output.raw("null")
            }
            output.raw(",\"cue\":")
            if let cue = item.cue { output.raw("{"); output.spanFields(cue); output.raw("}") } else { output.raw("null") }
            if let kind = item.kind { output.raw(",\"kind\":"); output.string(kind.rawValue) }
        }
    }

    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> [Quote] {
        try ContractReader(name, document).list(json) { (item, reader) throws(LayerReadError) in
            let fields = item.objectValue ?? [:]
            var speaker: Quote.Speaker?
            if let value = fields["speaker"], value != .null {
                speaker = Quote.Speaker(try reader.span(value), canonical: value.objectValue?["canonical"]?.stringValue)
            }
            var cue: Span?
            if let value = fields["cue"], value != .null { cue = try reader.span(value) }
            var kind: Quote.Kind?
            if let value = fields["kind"]?.stringValue {
                guard let known = Quote.Kind(rawValue: value) else {
                    throw reader.failure("a quote's \"kind\" is `\(value)`; expected one of \(Quote.Kind.choices)")
                }
                kind = known
            }
            return Quote(try reader.span(item), speaker: speaker, cue: cue, kind: kind)
        }
    }

    public static func visitSpans(of value: [Quote], _ visit: (Span, Bool) -> Void) {
        for quote in value {
            visit(quote.span, true)
            if let speaker = quote.speaker { visit(speaker.span, false) }
            if let cue = quote.cue { visit(cue, false) }
        }
    }
}

/// Temporal expressions with TIMEX3 values.
public enum Timexes: Layer {
    public typealias Value = [Timex]
    public static var name: LayerName { .timexes }

    public static func write(_ value: [Timex], to output: inout JSONOutput) {
        output.objects(value) { output, item in
            output.spanFields(item.span)
            output.raw(",\"type\":"); output.string(item.type.rawValue)
            output.raw(",\"value\":"); output.string(item.value)
            if let mod = item.mod { output.raw(",\"mod\":"); output.string(mod) }
        }
    }

    public static func read(_ json: JSONValue, in document: Document) throws(LayerReadError) -> [Timex] {
        try ContractReader(name, document).list(json) { (item, reader) throws(LayerReadError) in
            let fields = item.objectValue ?? [:]
            guard let type = fields["type"]?.stringValue.flatMap(Timex.Kind.init(rawValue:)),
                  let timexValue = fields["value"]?.stringValue else {
                throw reader.failure("each timex needs \"type\" (\(Timex.Kind.choices)) and \"value\"")
            }
            return Timex(try reader.span(item), type: type, value: timexValue, mod: fields["mod"]?.stringValue)
        }
    }

    public static func visitSpans(of value: [Timex], _ visit: (Span, Bool) -> Void) {
        for timex in value { visit(timex.span, true) }
    }
}

/// Reads lists of span-carrying objects in the contract's shape, with messages that name the layer.
public struct ContractReader {
    public let layer: LayerName
    public let scalarCount: Int

    public init(_ layer: LayerName, _ document: Document) {
        self.layer = layer
        self.scalarCount = document.textView.scalarCount
    }

    public func failure(_ reason: String) -> LayerReadError { LayerReadError(layer: layer, reason: reason) }

    /// The `start`/`end` of an object, checked to lie inside the text.
    public func span(_ value: JSONValue) throws(LayerReadError) -> Span {
        guard case .int(let start)? = value.objectValue?["start"], case .int(let end)? = value.objectValue?["end"],
              0 <= start, start <= end, end <= scalarCount else {
            throw failure("an item has no valid \"start\"/\"end\" inside the text (0...\(scalarCount))")
        }
        return Span(start: start, end: end)
    }

    public func list<T>(_ value: JSONValue, _ make: (JSONValue, ContractReader) throws(LayerReadError) -> T) throws(LayerReadError) -> [T] {
        guard case .array(let items) = value else { throw failure("must be a list") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items { result.append(try make(item, self)) }
        return result
    }
}
