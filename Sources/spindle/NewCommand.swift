import ArgumentParser
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create new things from templates.", subcommands: [NewAnnotator.self])
}

/// `spindle new annotator Sentiment`: a compiling plugin module with options, an annotator, its
/// registration, a test and a pipeline file, added to the package's plugin list.
struct NewAnnotator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotator",
        abstract: "Create Plugins/NAME: an annotator module with options, registration, a test and a pipeline file.",
        discussion: "Run it in the Spindle checkout (the folder with Package.swift). See docs/writing-annotators.md.")

    @Argument(help: "The plugin's name in UpperCamelCase, e.g. Sentiment. The annotator is registered in lower case.")
    var name: String

    @Option(name: .long, help: "The Spindle checkout to add it to.")
    var root = "."

    func run() throws {
        guard name.wholeMatch(of: /[A-Z][A-Za-z0-9]*/) != nil else {
            throw fail("the name must be UpperCamelCase letters and digits, e.g. Sentiment or KeywordTagger; got `\(name)`")
        }
        let manifestPath = root + "/Package.swift"
        guard var manifest = try? String(contentsOfFile: manifestPath, encoding: .utf8) else {
            throw fail("no Package.swift in \(root): run this in the Spindle checkout or pass --root")
        }
        guard let listLine = manifest.split(separator: "\n", omittingEmptySubsequences: false)
            .first(where: { $0.hasPrefix("let pluginFolders = [") }) else {
            throw fail("\(manifestPath) has no `let pluginFolders = [...]` line to add the plugin to")
        }
        let folder = "\(root)/Plugins/\(name)"
        guard !FileManager.default.fileExists(atPath: folder) else { throw fail("\(folder) already exists") }

        let template = AnnotatorTemplate(name: name)
        for (path, contents) in template.files {
            let full = "\(folder)/\(path)"
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try contents.write(toFile: full, atomically: true, encoding: .utf8)
        }
        var names = listLine.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        names.append(name)
        let newLine = "let pluginFolders = [" + names.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        manifest = manifest.replacingOccurrences(of: String(listLine), with: newLine)
        try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        print("""
        Created Plugins/\(name) (module Spindle\(name), annotator `\(template.annotatorName)`) and added it to Package.swift.
        Next:
          swift test --filter Spindle\(name)Tests
          swift run spindle annotate --pipeline Plugins/\(name)/pipeline.yaml samples/harbor-bridge-vote.txt
        """)
    }
}

/// The files of a new plugin. The generated annotator works (it marks tokens that are numbers) so the
/// author starts from something that passes its tests and shows every part of the contract.
struct AnnotatorTemplate {
    let name: String
    var annotatorName: String { name.lowercased() }
    var layerName: String { annotatorName }

    var files: [(String, String)] {
        [
            ("Sources/\(name).swift", source),
            ("Tests/\(name)Tests.swift", tests),
            ("pipeline.yaml", pipeline),
        ]
    }

    var source: String {
        """
        import SpindleCore

        /// One mark of the `\(layerName)` layer.
        public struct \(name)Mark: Spanned, Hashable, Codable {
            public var span: Span
            public var label: String
            public init(_ span: Span, label: String) {
                self.span = span
                self.label = label
            }
        }

        /// The layer this plugin adds, under its own name in the output. The `Layer` defaults write it as
        /// `{"start", "end", "text", "label"}` objects, read it back and check its spans.
        public enum \(name)Layer: Layer {
            public static let name: LayerName = "\(layerName)"
            public typealias Value = [\(name)Mark]
        }

        /// Options: `init()` gives the defaults; a pipeline file overrides only what it names.
        public struct \(name)Options: AnnotatorOptions, Equatable {
            /// The label given to each mark.
            public var label = "NUMBER"

            public init() {}

            public static let help = ["label": "label given to each mark (default NUMBER)"]
        }

        /// Marks tokens made only of digits. Replace the body of `annotate` with your own logic.
        public struct \(name)Annotator: DescribedAnnotator {
            public static let name = "\(annotatorName)"
            public static let summary = "marks tokens made only of digits"
            public static let version = "0.1"
            public static let layers = LayerRequirements(requires: [.tokens], provides: [\(name)Layer.name])

            public let options: \(name)Options

            public init(options: \(name)Options = \(name)Options(), context: AnnotatorContext = AnnotatorContext(annotatorName: name)) {
                self.options = options
            }

            public func annotate(_ document: inout Document) throws {
                let texts = document.textView.tokenTexts
                document[\(name)Layer.self] = document.tokens.indices.compactMap { index in
                    texts[index].allSatisfy(\\.isNumber) ? \(name)Mark(document.tokens[index].span, label: options.label) : nil
                }
            }
        }

        /// The registration the build picks up: nothing else to edit.
        public let spindlePlugin = PluginManifest(name: "\(name)", version: "0.1", annotators: [\(name)Annotator.self],
                                                  layers: [\(name)Layer.self])

        """
    }

    var tests: String {
        """
        import Spindle
        import Spindle\(name)
        import SpindleTestKit
        import Testing

        @Suite struct \(name)Tests {
            @Test func marksNumbers() throws {
                let pipeline = try Pipeline(Tokenizer(), \(name)Annotator())
                let document = try pipeline.annotate("The council met 12 times in 2024.")
                #expect(document[\(name)Layer.self]?.map { String(document.text(of: $0.span)) } == ["12", "2024"])
            }

            @Test func optionsComeFromThePipelineFile() throws {
                let description = try PipelineFile.parse("annotators:\\n  - tokenize\\n  - \(annotatorName):\\n      label: CARDINAL\\n")
                let pipeline = try Pipeline(description, registry: try Spindle.registry())
                #expect(try pipeline.annotate("Route 66")[\(name)Layer.self]?.first?.label == "CARDINAL")
            }

            @Test func keepsTheAnnotatorContract() throws {
                let tokenizer = try Tokenizer()
                try checkAnnotatorConformance(\(name)Annotator()) { text in
                    var document = Document(text: text)
                    try tokenizer.annotate(&document)
                    return document
                }
            }
        }

        """
    }

    var pipeline: String {
        """
        # Tokens, sentences and the `\(annotatorName)` annotator.
        name: \(annotatorName)
        annotators:
          - tokenize
          - sentences
          - \(annotatorName):
              label: NUMBER

        """
    }
}
