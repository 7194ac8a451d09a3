import ArgumentParser
import Spindle

struct AnnotatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotators", abstract: "List the registered annotators with what they require, provide and take.")

    @Option(name: .long, help: "Also list the annotators of this shared-library plugin (repeatable).")
    var plugin: [String] = []

    func run() throws {
        let registry: AnnotatorRegistry
        do { registry = try Spindle.registry(loading: plugin) } catch { throw fail("\(error)") }
        for descriptor in registry.all {
            print("\(descriptor.name) \(descriptor.version) — \(descriptor.summary)")
            print("  from:     \(descriptor.origin)")
            print("  requires: \(list(descriptor.requires))")
            if !descriptor.uses.isEmpty { print("  uses:     \(list(descriptor.uses))") }
            print("  provides: \(list(descriptor.provides))")
            if descriptor.options.isEmpty {
                print("  options:  none")
            } else {
                print("  options:")
                for key in descriptor.options.keys.sorted() {
                    let value = descriptor.defaults.objectValue?[key].map(render) ?? "unset"
                    let help = descriptor.options[key].flatMap { $0.isEmpty ? nil : " — \($0)" } ?? ""
                    print("    \(key): \(value)\(help)")
                }
            }
        }
    }

    private func list(_ layers: Set<LayerName>) -> String {
        layers.isEmpty ? "nothing" : layers.sorted().map(\.rawValue).joined(separator: ", ")
    }

    private func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .null: "null"
        case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        case .object: "{…}"
        }
    }
}

struct PipelinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipelines", abstract: "List the pipeline files that --pipeline NAME can name.")

    func run() throws {
        let locator = PipelineLocator()
        let found = locator.available()
        if found.isEmpty {
            print("no pipeline files found in \(locator.searchFolders.joined(separator: ", "))")
        }
        for (name, path) in found {
            var line = "\(name)\t\(path)"
            if let description = try? PipelineFile.load(path: path) {
                line += "\t" + description.steps.map(\.name).joined(separator: " → ")
            } else {
                line += "\t(has errors: run `spindle annotate --pipeline \(name)` to see them)"
            }
            print(line)
        }
    }
}
