/// Little-endian writing and bounds-checked reading of the model file's fields.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) { append(value.bitPattern) }

    mutating func append(_ string: String) {
        append(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }
}

struct ByteReader {
    struct Overrun: Error { var needed: Int; var offset: Int }

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(Overrun) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw Overrun(needed: size, offset: offset) }
        var value: T = 0
        for index in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func readFloat() throws(Overrun) -> Float { Float(bitPattern: try read(UInt32.self)) }

    mutating func readString() throws(Overrun) -> String {
        let count = Int(try read(UInt32.self))
        guard offset + count <= bytes.count else { throw Overrun(needed: count, offset: offset) }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    /// Reads `count` little-endian Int16 values in one pass (the weight table is most of the file).
    mutating func readInt16s(_ count: Int) throws(Overrun) -> [Int16] {
        guard count >= 0, offset + 2 * count <= bytes.count else { throw Overrun(needed: 2 * count, offset: offset) }
        let start = offset
        offset += 2 * count
        return bytes.withUnsafeBufferPointer { buffer in
            [Int16](unsafeUninitializedCapacity: count) { values, initialized in
                for index in 0..<count {
                    values[index] = Int16(bitPattern: UInt16(buffer[start + 2 * index]) | UInt16(buffer[start + 2 * index + 1]) << 8)
                }
                initialized = count
            }
        }
    }
}
