import Foundation

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
    /// One line of help per option key, shown by `spindle annotators`. Help documents options; it
    /// never makes one: a key here that the defaults lack is reported by the conformance suite.
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

/// An option that takes one of a fixed set of words. Decoding names every valid choice when the file
/// gives another, and accepts any letter case ("date" for `DATE`).
///
/// ```swift
/// enum Direction: String, OptionChoice { case nearest, future, past }
/// struct Options: AnnotatorOptions { var undetermined = Direction.nearest }
/// ```
/// `undetermined: soon` in a pipeline file then fails with "expected one of nearest, future, past".
public protocol OptionChoice: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

extension OptionChoice {
    /// The valid choices as a message lists them: "nearest, future or past".
    public static var choices: String {
        let names = allCases.map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let raw = try? container.decode(String.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected one of \(Self.choices)"))
        }
        if let exact = Self(rawValue: raw) {
            self = exact
        } else if let folded = Self.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) {
            self = folded
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "`\(raw)` is not valid; expected one of \(Self.choices)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
