import CZlib
import Foundation

/// Reads a file through zlib, which inflates gzip files and passes plain files through unchanged.
final class GzipReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let file: gzFile

    init?(path: String) {
        guard let file = gzopen(path, "rb") else { return nil }
        gzbuffer(file, 1 << 17)
        self.file = file
    }

    deinit { gzclose(file) }

    /// Up to `count` bytes; empty at the end of the file.
    func read(_ count: Int) throws(Failure) -> Data {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(count)) }
        if read < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
            throw Failure(description: "cannot decompress: \(message) (the file may be truncated or not gzip)")
        }
        data.count = Int(read)
        return data
    }
}
