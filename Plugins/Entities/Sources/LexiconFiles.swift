import Foundation

/// Reads the lexicon folder (`models/lexicons/`): each `NAME.txt` is the category NAME, one phrase per
/// line, `#` starts a comment line. Only training reads these files; the model carries the compiled lexicon.
public enum LexiconFiles {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case noFolder(String)
        case empty(String)

        public var description: String {
            switch self {
            case .noFolder(let path): "lexicon folder \(path) does not exist; pass --lexicons with the folder of *.txt lists (models/lexicons)"
            case .empty(let path): "lexicon folder \(path) has no *.txt lists; run scripts/derive_entity_lexicons.py to make them"
            }
        }
    }

    /// Phrases by category.
    public static func read(folder: String) throws(LoadError) -> [String: [String]] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { throw .noFolder(folder) }
        var phrases: [String: [String]] = [:]
        for name in names.sorted() where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            phrases[String(name.dropLast(4))] = text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        guard !phrases.isEmpty else { throw .empty(folder) }
        return phrases
    }
}
