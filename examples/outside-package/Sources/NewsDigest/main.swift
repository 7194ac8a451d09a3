import Foundation
import Spindle

// Prints who is quoted in an article and the people, places and organizations it names.
let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: news-digest ARTICLE.txt [YYYY-MM-DD]\n".utf8))
    exit(2)
}
do {
    let pipeline = try Spindle.pipeline("news")
    var document = Document(text: text, metadata: Metadata(id: "article", date: arguments.dropFirst().first))
    try pipeline.annotate(&document)
    for quote in document.quotes {
        print("quote\t\(quote.speaker?.canonical ?? "-")\t\(document.text(of: quote.span))")
    }
    for entity in document.entities {
        print("entity\t\(entity.label)\t\(entity.canonical ?? String(document.text(of: entity.span)))")
    }
    for timex in document.timexes {
        print("timex\t\(timex.type.rawValue)\t\(timex.value)\t\(document.text(of: timex.span))")
    }
} catch {
    FileHandle.standardError.write(Data("news-digest: \(error)\n".utf8))
    exit(1)
}
