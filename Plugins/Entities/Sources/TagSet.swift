/// A labelled run of tokens in one sentence: token indices `start..<end`.
public struct TokenSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}

/// The BILOU tags built from a list of entity labels.
///
/// BILOU rather than BIO because marking the last and single-token positions separately gives the
/// perceptron features for span ends, which is where most boundary errors are. Tag 0 is `O`; label `l`
/// has tags `1 + 4l + position`.
public struct TagSet: Sendable, Equatable {
    public enum Position: Int, Sendable { case begin = 0, inside, last, unit }

    public let labels: [String]
    private let labelIndex: [String: Int]

    public init(labels: [String]) {
        self.labels = labels
        self.labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
    }

    public var count: Int { 1 + 4 * labels.count }

    public func tag(label: Int, position: Position) -> Int { 1 + 4 * label + position.rawValue }

    /// The label index and position of a tag, nil for `O`.
    public func decompose(_ tag: Int) -> (label: Int, position: Position)? {
        guard tag > 0 else { return nil }
        return ((tag - 1) / 4, Position(rawValue: (tag - 1) % 4)!)
    }

    public func name(of tag: Int) -> String {
        guard let (label, position) = decompose(tag) else { return "O" }
        return "\(["B", "I", "L", "U"][position.rawValue])-\(labels[label])"
    }

    /// Whether `tag` may follow `previous` (nil: the sentence start). Viterbi only walks allowed paths,
    /// so every decoded sequence reads back as well-formed spans.
    public func allows(_ previous: Int?, _ tag: Int) -> Bool {
        let open = previous.flatMap(decompose).flatMap { $0.position == .begin || $0.position == .inside ? $0.label : nil }
        guard let (label, position) = decompose(tag) else { return open == nil }
        switch position {
        case .begin, .unit: return open == nil
        case .inside, .last: return open == label
        }
    }

    /// Whether a sentence may end on `tag` (not inside an open span).
    public func allowsEnd(_ tag: Int) -> Bool {
        guard let (_, position) = decompose(tag) else { return true }
        return position == .last || position == .unit
    }

    /// The tag sequence of a sentence of `length` tokens; spans with unknown labels are left `O`.
    public func tags(for spans: [TokenSpan], length: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: length)
        for span in spans where span.start < span.end && span.end <= length {
            guard let label = labelIndex[span.label] else { continue }
            if span.end - span.start == 1 {
                tags[span.start] = tag(label: label, position: .unit)
                continue
            }
            tags[span.start] = tag(label: label, position: .begin)
            for index in (span.start + 1)..<(span.end - 1) { tags[index] = tag(label: label, position: .inside) }
            tags[span.end - 1] = tag(label: label, position: .last)
        }
        return tags
    }

    /// The spans of a well-formed tag sequence.
    public func spans(from tags: [Int]) -> [TokenSpan] {
        var spans: [TokenSpan] = []
        var start = 0
        for (index, tag) in tags.enumerated() {
            guard let (label, position) = decompose(tag) else { continue }
            switch position {
            case .begin: start = index
            case .inside: break
            case .last: spans.append(TokenSpan(start: start, end: index + 1, label: labels[label]))
            case .unit: spans.append(TokenSpan(start: index, end: index + 1, label: labels[label]))
            }
        }
        return spans
    }
}
