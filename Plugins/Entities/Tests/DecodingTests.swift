import Testing
@testable import SpindleEntities

@Suite struct DecodingTests {
    let tagSet = TagSet(labels: ["LOC", "PER"])

    @Test func spansAndTagsRoundTrip() {
        let spans = [TokenSpan(start: 0, end: 2, label: "PER"), TokenSpan(start: 3, end: 4, label: "LOC"),
                     TokenSpan(start: 5, end: 8, label: "LOC")]
        let tags = tagSet.tags(for: spans, length: 9)
        #expect(tags.map(tagSet.name) == ["B-PER", "L-PER", "O", "U-LOC", "O", "B-LOC", "I-LOC", "L-LOC", "O"])
        #expect(tagSet.spans(from: tags) == spans)
    }

    @Test func transitionRulesFollowBILOU() {
        let beginPER = tagSet.tag(label: 1, position: .begin), insidePER = tagSet.tag(label: 1, position: .inside)
        let lastLOC = tagSet.tag(label: 0, position: .last), unitLOC = tagSet.tag(label: 0, position: .unit)
        #expect(tagSet.allows(nil, beginPER))
        #expect(!tagSet.allows(nil, insidePER))
        #expect(!tagSet.allows(beginPER, lastLOC))
        #expect(!tagSet.allows(beginPER, unitLOC))
        #expect(tagSet.allows(beginPER, insidePER))
        #expect(!tagSet.allowsEnd(beginPER))
        #expect(tagSet.allowsEnd(unitLOC))
    }

    @Test func viterbiNeverLeavesASpanOpenOrStartsInside() {
        let decoder = ViterbiDecoder(tagSet: tagSet)
        let count = tagSet.count
        // Emissions that, taken token by token, would say I-PER, O, B-LOC (all ill-formed).
        var emissions = [Float](repeating: 0, count: 3 * count)
        emissions[0 * count + tagSet.tag(label: 1, position: .inside)] = 10
        emissions[2 * count + tagSet.tag(label: 0, position: .begin)] = 10
        let tags = decoder.decode(emissions: emissions, transitions: [Float](repeating: 0, count: (count + 1) * count), length: 3)
        for (index, tag) in tags.enumerated() {
            #expect(tagSet.allows(index == 0 ? nil : tags[index - 1], tag))
        }
        #expect(tagSet.allowsEnd(tags.last!))
    }

    @Test func viterbiFollowsTransitionWeights() {
        let decoder = ViterbiDecoder(tagSet: tagSet)
        let count = tagSet.count
        var emissions = [Float](repeating: 0, count: 2 * count)
        let beginPER = tagSet.tag(label: 1, position: .begin), lastPER = tagSet.tag(label: 1, position: .last)
        emissions[beginPER] = 1
        emissions[count + lastPER] = 1
        let tags = decoder.decode(emissions: emissions, transitions: [Float](repeating: 0, count: (count + 1) * count), length: 2)
        #expect(tags == [beginPER, lastPER])
        #expect(decoder.decode(emissions: [], transitions: [], length: 0).isEmpty)
    }
}
