import Foundation
import SpindleCore
@testable import SpindleIO
import SpindleTestKit
import Testing

@Suite struct ClausePluginTests {
    let text = "Ça va, 東京 ok. Then 😀 more, and more"

    func annotated(headShift: Int = 0) throws -> Document {
        var options = ClauseOptions()
        options.headShift = headShift
        var document = Document(text: text)
        try Pipeline(PunctuationTokenizer(), ClauseMarker(options: options)).annotate(&document)
        return document
    }

    @Test func itsLayerIsWrittenInTheContractsShapeWithNestedTexts() throws {
        let bytes = DocumentJSONWriter().encode(try annotated())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let clauses = try #require(object["clauses"] as? [[String: Any]])
        #expect(clauses.count == 2)
        #expect(clauses[0]["text"] as? String == "Ça va, 東京 ok.")
        #expect((clauses[0]["head"] as? [String: Any])?["text"] as? String == "Ça")
        let parts = try #require(clauses[0]["parts"] as? [[String: Any]])
        #expect(parts.map { $0["text"] as? String } == ["Ça va,", "東京 ok."])
        #expect((clauses[1]["head"] as? [String: Any])?["text"] as? String == "Then")
    }

    @Test func itsLayerReadsBackAsItsSwiftType() throws {
        let document = try annotated()
        var registry = AnnotatorRegistry()
        try registry.register(clausePlugin)
        let read = try Document(contractJSON: DocumentJSONWriter().encode(document), table: registry.layers)
        #expect(read[Clauses.self] == document[Clauses.self])
        guard case .typed? = read.layers.entry(Clauses.name) else {
            Issue.record("the layer stayed JSON")
            return
        }
        // Without the plugin's manifest the layer stays JSON, and a typed read still decodes it.
        let untyped = try Document(contractJSON: DocumentJSONWriter().encode(document))
        #expect(try untyped.read(Clauses.self) == document[Clauses.self])
    }

    @Test func aNestedSpanOutsideTheTextFailsTheDocument() throws {
        let failure = #expect(throws: AnnotationFailure.self) { _ = try annotated(headShift: 1000) }
        #expect(failure?.reason.contains("clauses") == true)
        #expect(failure?.reason.contains("outside the text") == true)
    }

    @Test func itKeepsTheAnnotatorContract() throws {
        try checkAnnotatorConformance(ClauseMarker()) { text in
            var document = Document(text: text)
            try PunctuationTokenizer().annotate(&document)
            return document
        }
    }

    @Test func aJSONLayerThatDoesNotReadAsItsTypeIsAClearError() throws {
        var document = Document(text: text)
        document.setLayer(Clauses.name, json: .array([.object(["start": .int(0), "end": .int(2)])]))
        let error = #expect(throws: LayerReadError.self) { try document.read(Clauses.self) }
        #expect(error?.description.contains("layer `clauses`") == true)
        #expect(error?.description.contains("head") == true)
    }
}
