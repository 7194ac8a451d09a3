import Foundation
import SpindleCore
import SpindleIO
import SpindlePluginABI

/// Why a shared-library plugin could not be used. Each message names the library and what to do.
public enum PluginLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notAPlugin(path: String)
    case incompatible(path: String, pluginABI: UInt32)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot load plugin \(path): \(reason)"
        case .notAPlugin(let path):
            "\(path) is not a Spindle plugin: it exports no `spindle_plugin_entry` (see docs/writing-annotators.md)"
        case .incompatible(let path, let abi):
            "plugin \(path) speaks plugin interface \(abi), but this spindle \(spindleVersion) reads interface "
                + "\(SPINDLE_PLUGIN_ABI_VERSION): rebuild the plugin against this Spindle"
        case .malformed(let path, let reason):
            "plugin \(path) describes itself wrongly: \(reason)"
        }
    }
}

/// Loads annotator plugins from shared libraries (`dlopen`) through their C entry point.
public enum SharedLibraryPlugin {
    /// The plugin's manifest: one descriptor per annotator, whose factory calls into the library.
    ///
    /// `path` is a file path, relative to the current folder when it has no `/` too: it is resolved to an
    /// absolute path (symbolic links followed), that file is checked, and exactly that file is opened —
    /// never a library of the same name found on the system's library path. The check reads its header
    /// and refuses a file that is not a shared library or is shorter than its headers say (a truncated
    /// copy would otherwise crash the process with SIGBUS when the loader touches the missing pages).
    public static func load(path: String) throws(PluginLoadError) -> PluginManifest {
        guard let resolved = realpath(path, nil) else { throw .cannotOpen(path: path, reason: "no such file") }
        let absolute = String(cString: resolved)
        free(resolved)
        try LibraryFileCheck.check(absolute, shownAs: path)
        return try open(absolute, shownAs: path)
    }

    private static func open(_ absolute: String, shownAs path: String) throws(PluginLoadError) -> PluginManifest {
        // `absolute` starts with `/`, so dlopen takes it as a path and never searches the library path.
        guard absolute.hasPrefix("/"), let handle = dlopen(absolute, RTLD_NOW | RTLD_LOCAL) else {
            throw .cannotOpen(path: path, reason: dlerror().map { String(cString: $0) } ?? "unknown dlopen error")
        }
        // Never dlclose: annotators made from it may live as long as the process.
        guard let symbol = dlsym(handle, "spindle_plugin_entry") else { throw .notAPlugin(path: path) }
        let entry = unsafeBitCast(symbol, to: spindle_plugin_entry_fn.self)
        guard let raw = entry() else { throw .malformed(path: path, reason: "its entry point returned nothing") }
        // The version is the first field of every interface version, so it is safe to read before the rest.
        let abi = UnsafeRawPointer(raw).load(as: UInt32.self)
        guard abi == UInt32(SPINDLE_PLUGIN_ABI_VERSION) else { throw .incompatible(path: path, pluginABI: abi) }
        let plugin = raw.pointee
        guard let free = plugin.free_string, plugin.annotator_count >= 0,
              plugin.annotator_count == 0 || plugin.annotators != nil else {
            throw .malformed(path: path, reason: "missing free_string or annotator list")
        }
        var descriptors: [AnnotatorDescriptor] = []
        for index in 0..<Int(plugin.annotator_count) {
            descriptors.append(try descriptor(plugin.annotators![index], free: free, path: path))
        }
        return PluginManifest(name: string(plugin.name), version: string(plugin.version), annotators: descriptors)
    }

    private static func descriptor(_ definition: spindle_annotator_v1, free: @escaping @convention(c) (UnsafeMutablePointer<CChar>?) -> Void,
                                   path: String) throws(PluginLoadError) -> AnnotatorDescriptor {
        func layers(_ text: UnsafePointer<CChar>?) throws(PluginLoadError) -> Set<LayerName> {
            guard case .array(let items)? = parse(text) else { throw .malformed(path: path, reason: "requires/provides must be JSON lists") }
            return Set(items.compactMap { $0.stringValue.map { LayerName($0) } })
        }
        guard let create = definition.create, let annotate = definition.annotate, let destroy = definition.destroy else {
            throw .malformed(path: path, reason: "annotator `\(string(definition.name))` lacks create/annotate/destroy")
        }
        let name = string(definition.name)
        let requires = try layers(definition.requires), provides = try layers(definition.provides)
        let help = parse(definition.options)?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        let functions = LibraryFunctions(context: definition.context, create: create, annotate: annotate, destroy: destroy, free: free)
        return AnnotatorDescriptor(
            name: name, summary: string(definition.summary), version: string(definition.version), requires: requires,
            provides: provides, defaults: parse(definition.defaults) ?? .object([:]), options: help,
            origin: .sharedLibrary(path: path)
        ) { context in
            try SharedLibraryAnnotator(name: name, functions: functions, options: context.options, requires: requires, provides: provides,
                                       table: context.layers)
        }
    }

    static func parse(_ text: UnsafePointer<CChar>?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(String(cString: text).utf8))
    }

    static func string(_ text: UnsafePointer<CChar>?) -> String { text.map { String(cString: $0) } ?? "" }
}

struct LibraryFunctions: @unchecked Sendable {
    let context: UnsafeRawPointer?
    let create: @convention(c) (UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutableRawPointer?
    let annotate: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafeMutablePointer<CChar>?
    let destroy: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let free: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void

    /// A string the library returned, freed by the library's own allocator.
    func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// An annotator living in a shared library. The library promises its `annotate` is thread-safe.
final class SharedLibraryAnnotator: Annotator, @unchecked Sendable {
    let name: String
    let requires: Set<LayerName>
    let provides: Set<LayerName>
    private let functions: LibraryFunctions
    private let instance: UnsafeMutableRawPointer
    private let table: LayerTable

    init(name: String, functions: LibraryFunctions, options: JSONValue, requires: Set<LayerName>, provides: Set<LayerName>,
         table: LayerTable) throws {
        self.name = name
        self.table = table
        self.functions = functions
        self.requires = requires
        self.provides = provides
        var error: UnsafeMutablePointer<CChar>?
        let json = String(decoding: options.jsonBytes, as: UTF8.self)
        guard let instance = functions.create(functions.context, json, &error) else {
            throw AnnotationError(functions.take(error) ?? "the plugin could not make `\(name)`")
        }
        self.instance = instance
    }

    deinit { functions.destroy(instance) }

    func annotate(_ document: inout Document) throws {
        var bytes = DocumentJSONWriter().encode(document)
        bytes.append(0)
        var error: UnsafeMutablePointer<CChar>?
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { functions.annotate(instance, $0, &error) }
        }
        guard let reply = functions.take(result) else {
            throw AnnotationError(functions.take(error) ?? "`\(name)` failed without a reason")
        }
        let layers = try JSONDecoder().decode([String: JSONValue].self, from: Data(reply.utf8))
        for layer in provides.sorted() {
            guard let value = layers[layer.rawValue] else { throw AnnotationError("`\(name)` returned no `\(layer)` layer") }
            try document.setLayer(layer, json: value, table: table)
        }
    }
}
