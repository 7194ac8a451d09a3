import Foundation

/// Something worth telling the user about an input that was still read.
public struct InputWarning: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var message: String
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }
    public var description: String { "\(source): warning: \(message)" }
}

/// Bytes to text the way Spindle reads every input: UTF-8, a leading byte-order mark dropped, invalid
/// sequences replaced by U+FFFD with a warning that gives the byte offset of the first one. Line
/// endings are kept as they are (CRLF stays CRLF), so offsets match the file.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>, source: String) -> (text: String, warnings: [InputWarning]) {
        var warnings: [InputWarning] = []
        var body = Array(bytes)
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body.removeFirst(3)
        } else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            warnings.append(InputWarning(source: source, message: "starts with a UTF-16 byte-order mark; Spindle reads UTF-8 only (convert with iconv -f UTF-16 -t UTF-8)"))
        }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, warnings)
        }
        let (first, count) = invalidSequences(body)
        let offset = first + (bytes.count - body.count)
        warnings.append(InputWarning(source: source, message: "invalid UTF-8 at byte offset \(offset) (\(count) invalid sequence\(count == 1 ? "" : "s") replaced by U+FFFD)"))
        return (String(decoding: body, as: UTF8.self), warnings)
    }

    /// The offset of the first invalid UTF-8 sequence and how many there are.
    static func invalidSequences(_ bytes: [UInt8]) -> (first: Int, count: Int) {
        var first = -1, count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var length = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: length = 0
            }
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if valid, scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { valid = false }
            }
            if valid {
                i += length
            } else {
                if first < 0 { first = i }
                count += 1
                i += 1
            }
        }
        return (max(first, 0), count)
    }
}
