/// An annotator's options as a typed value whose `init()` gives the defaults.
///
/// A pipeline file only overrides: its keys are laid over the encoded defaults before decoding, so
/// an options type needs no `decodeIfPresent` boilerplate, and a key the defaults do not have is
/// reported as unknown with the nearest valid name.
///
/// ```swift
/// struct KeywordOptions: AnnotatorOptions {
///     var words: [String] = []
///     var caseSensitive = false
/// }
/// ```
public protocol AnnotatorOptions: Codable, Sendable {
    init()
    /// One line of help per option key, shown by `spindle annotators`.
    static var help: [String: String] { get }
    /// Keys that are valid but absent from the encoded defaults (optionals whose default is nil).
    static var optionalKeys: Set<String> { get }
}

extension AnnotatorOptions {
    public static var help: [String: String] { [:] }
    public static var optionalKeys: Set<String> { [] }
}

/// For annotators that take no options.
public struct NoOptions: AnnotatorOptions {
    public init() {}
}
