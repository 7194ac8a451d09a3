import Foundation
import SpindleCore
import SpindleIO
@_exported import SpindlePluginABI

/// Makes a plugin module loadable at run time from a shared library. In the plugin's package:
///
/// ```swift
/// import SpindlePluginKit
///
/// @_cdecl("spindle_plugin_entry")
/// public func spindlePluginEntry() -> UnsafeRawPointer { exportPlugin(myManifest) }
/// ```
///
/// and build it as `.library(name: "MyPlugin", type: .dynamic, targets: ["MyPlugin"])`. The annotators
/// are ordinary Swift `Annotator`s; documents and layers cross the C boundary as JSON.
public func exportPlugin(_ manifest: PluginManifest) -> UnsafeRawPointer {
    ExportedPlugins.shared.pointer(for: manifest)
}

/// Exported descriptions live as long as the process: the host may keep calling into them.
private final class ExportedPlugins: @unchecked Sendable {
    static let shared = ExportedPlugins()
    private let lock = NSLock()
    private var exported: [String: UnsafeMutablePointer<spindle_plugin_v1>] = [:]

    func pointer(for manifest: PluginManifest) -> UnsafeRawPointer {
        lock.withLock {
            if let existing = exported[manifest.name] { return UnsafeRawPointer(existing) }
            let annotators = UnsafeMutablePointer<spindle_annotator_v1>.allocate(capacity: max(1, manifest.annotators.count))
            for (index, descriptor) in manifest.annotators.enumerated() {
                let help = JSONValue.object(descriptor.options.mapValues { JSONValue.string($0) })
                annotators[index] = spindle_annotator_v1(
                    name: strdup(descriptor.name), summary: strdup(descriptor.summary), version: strdup(descriptor.version),
                    requires: strdup(json(descriptor.requires)), provides: strdup(json(descriptor.provides)),
                    defaults: strdup(String(decoding: descriptor.defaults.jsonBytes, as: UTF8.self)),
                    options: strdup(String(decoding: help.jsonBytes, as: UTF8.self)),
                    context: UnsafeRawPointer(Unmanaged.passRetained(DescriptorBox(descriptor, layers: table(manifest))).toOpaque()),
                    create: createAnnotator, annotate: annotateDocument, destroy: destroyAnnotator)
            }
            let plugin = UnsafeMutablePointer<spindle_plugin_v1>.allocate(capacity: 1)
            plugin.initialize(to: spindle_plugin_v1(
                abi_version: UInt32(SPINDLE_PLUGIN_ABI_VERSION), name: strdup(manifest.name), version: strdup(manifest.version),
                spindle_version: strdup(spindleVersion), annotator_count: Int32(manifest.annotators.count),
                annotators: UnsafePointer(annotators), free_string: freeString))
            exported[manifest.name] = plugin
            return UnsafeRawPointer(plugin)
        }
    }

    /// The built-in layer types and the plugin's own: documents from the host are read with them.
    private func table(_ manifest: PluginManifest) -> LayerTable {
        var table = LayerTable.builtIn
        for layer in manifest.layers { try? table.register(layer) }
        return table
    }

    private func json(_ layers: Set<LayerName>) -> String {
        String(decoding: JSONValue.array(layers.sorted().map { .string($0.rawValue) }).jsonBytes, as: UTF8.self)
    }
}

private final class DescriptorBox: @unchecked Sendable {
    let descriptor: AnnotatorDescriptor
    let layers: LayerTable
    init(_ descriptor: AnnotatorDescriptor, layers: LayerTable) {
        self.descriptor = descriptor
        self.layers = layers
    }
}

private final class AnnotatorBox: @unchecked Sendable {
    let annotator: any Annotator
    let layers: LayerTable
    init(_ annotator: any Annotator, layers: LayerTable) {
        self.annotator = annotator
        self.layers = layers
    }
}

private func report(_ message: String, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    error?.pointee = strdup(message)
}

private let createAnnotator: @convention(c) (UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutableRawPointer? = { context, options, errorOut in
    guard let context, let options else {
        report("no options given", errorOut)
        return nil
    }
    let box = Unmanaged<DescriptorBox>.fromOpaque(context).takeUnretainedValue()
    do {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(String(cString: options).utf8))
        let annotator = try box.descriptor.make(AnnotatorContext(annotatorName: box.descriptor.name, options: value, layers: box.layers))
        return Unmanaged.passRetained(AnnotatorBox(annotator, layers: box.layers)).toOpaque()
    } catch {
        report("\(error)", errorOut)
        return nil
    }
}

private let annotateDocument: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutablePointer<CChar>? = { instance, document, errorOut in
    guard let instance, let document else {
        report("no document given", errorOut)
        return nil
    }
    let box = Unmanaged<AnnotatorBox>.fromOpaque(instance).takeUnretainedValue()
    let annotator = box.annotator
    do {
        var parsed = try Document(contractJSON: Array(UnsafeRawBufferPointer(start: document, count: strlen(document))), table: box.layers)
        try annotator.annotate(&parsed)
        var bytes = DocumentJSONWriter().encodeLayers(annotator.provides.sorted(), of: parsed)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { strdup(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
    } catch {
        report("\(error)", errorOut)
        return nil
    }
}

private let destroyAnnotator: @convention(c) (UnsafeMutableRawPointer?) -> Void = { instance in
    if let instance { Unmanaged<AnnotatorBox>.fromOpaque(instance).release() }
}

private let freeString: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { string in free(string) }
