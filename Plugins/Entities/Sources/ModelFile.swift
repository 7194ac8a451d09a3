import Foundation

/// The binary model format: a magic string and version, then labels, lexicon, word classes,
/// transitions and the 16-bit weight table with its scale (see `EntityModel`).
///
/// ```
/// "SPNDLNER" u32 version
/// u32 hashBits, u32 n, n × string labels
/// u32 n, n × string lexicon categories, u32 longest entry, u32 n, n × (u64 key, u32 categories),
/// u32 n, n × u64 prefix
/// u32 n, n × (u64 key, u8 class) word classes
/// u32 n, n × (u64 key, u32 packed classes) word clusters          (version 2 on)
/// (tags + 1) × tags × f32 transitions, f32 scale, rows × (tags - 1) × i16 weights relative to O
/// (version 1: rows × tags, O included)
/// ```
/// Strings are u32 length + UTF-8; integers are little-endian; dictionaries are written sorted so the
/// same model gives the same bytes. Version 3 ends with a u64 checksum of every byte before it
/// (`ModelFile.checksum`), verified on load before anything is decoded, so a model with flipped or
/// missing bytes is refused with a message instead of loading silently and giving wrong entities.
public enum ModelFile {
    public static let magic = Array("SPNDLNER".utf8)
    /// Version 2 added the word clusters and dropped the O column, version 3 the checksum; version 1 and
    /// 2 files still load (unchecked).
    public static let version: UInt32 = 3

    public static func encode(_ model: EntityModel) -> [UInt8] {
        var writer = ByteWriter()
        for byte in magic { writer.append(byte) }
        writer.append(version)
        writer.append(UInt32(model.extractor.hashBits))
        writer.append(UInt32(model.tagSet.labels.count))
        for label in model.tagSet.labels { writer.append(label) }

        let lexicon = model.extractor.lexicon
        writer.append(UInt32(lexicon.categories.count))
        for category in lexicon.categories { writer.append(category) }
        writer.append(UInt32(lexicon.longest))
        writer.append(UInt32(lexicon.entries.count))
        for (key, mask) in lexicon.entries.sorted(by: { $0.key < $1.key }) {
            writer.append(key)
            writer.append(mask)
        }
        writer.append(UInt32(lexicon.prefixes.count))
        for key in lexicon.prefixes.sorted() { writer.append(key) }

        let classes = model.extractor.wordClasses.classes
        writer.append(UInt32(classes.count))
        for (key, value) in classes.sorted(by: { $0.key < $1.key }) {
            writer.append(key)
            writer.append(value)
        }

        let clusters = model.extractor.clusters.classes
        writer.append(UInt32(clusters.count))
        for (key, value) in clusters.sorted(by: { $0.key < $1.key }) {
            writer.append(key)
            writer.append(value)
        }

        for value in model.transitions { writer.append(value) }
        writer.append(model.scale)
        for value in model.weights { writer.append(value) }
        writer.append(checksum(writer.bytes[...]))
        return writer.bytes
    }

    /// A 64-bit checksum of `bytes`, fast enough to run on every load (17 MB in a few milliseconds in a
    /// release build): 8-byte words folded in with a multiply and a rotation. Each step is a bijection of
    /// the running value, so any change confined to one word always changes the result; other damage
    /// goes unnoticed with probability about 2^-64. It guards against corruption, not tampering.
    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        func rotate(_ value: UInt64) -> UInt64 { value << 29 | value >> 35 }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                hash = rotate((hash ^ word) &* prime)
            }
            var tail: UInt64 = 0
            for index in (words * 8)..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - words * 8)) }
            hash = rotate((hash ^ tail) &* prime)
        }
        return hash ^ (hash >> 32)
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(EntityModelError) -> EntityModel {
        guard bytes.count >= magic.count + 4, Array(bytes[0..<magic.count]) == magic else {
            throw .notAModel(path: path)
        }
        var reader = ByteReader(Array(bytes[magic.count...]))
        do {
            let found = try reader.read(UInt32.self)
            guard (1...version).contains(found) else { throw EntityModelError.unsupportedVersion(path: path, found: found, supported: version) }
            if found >= 3 {
                guard bytes.count >= magic.count + 12 else { throw ByteReader.Overrun(needed: 8, offset: bytes.count - magic.count) }
                let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                guard checksum(bytes[..<(bytes.count - 8)]) == stored else {
                    throw EntityModelError.corrupt(path: path, reason: "its checksum does not match: bytes were changed, or the file truncated, after it was saved")
                }
                reader = ByteReader(Array(bytes[magic.count..<(bytes.count - 8)]))
                _ = try reader.read(UInt32.self)
            }
            let hashBits = Int(try reader.read(UInt32.self))
            guard (10...28).contains(hashBits) else { throw EntityModelError.corrupt(path: path, reason: "hash size 2^\(hashBits)") }
            let labels = try (0..<Int(try reader.read(UInt32.self))).map { _ throws(ByteReader.Overrun) in try reader.readString() }
            guard !labels.isEmpty, labels.count <= 64 else { throw EntityModelError.corrupt(path: path, reason: "\(labels.count) labels") }

            let categories = try (0..<Int(try reader.read(UInt32.self))).map { _ throws(ByteReader.Overrun) in try reader.readString() }
            guard categories.count <= 32 else { throw EntityModelError.corrupt(path: path, reason: "\(categories.count) lexicon categories") }
            let longest = Int(try reader.read(UInt32.self))
            var entries: [UInt64: UInt32] = [:]
            let entryCount = Int(try reader.read(UInt32.self))
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount { entries[try reader.read(UInt64.self)] = try reader.read(UInt32.self) }
            var prefixes = Set<UInt64>()
            let prefixCount = Int(try reader.read(UInt32.self))
            prefixes.reserveCapacity(prefixCount)
            for _ in 0..<prefixCount { prefixes.insert(try reader.read(UInt64.self)) }

            var classes: [UInt64: UInt8] = [:]
            let classCount = Int(try reader.read(UInt32.self))
            classes.reserveCapacity(classCount)
            for _ in 0..<classCount { classes[try reader.read(UInt64.self)] = try reader.read(UInt8.self) }

            var clusters: [UInt64: UInt32] = [:]
            if found >= 2 {
                let clusterCount = Int(try reader.read(UInt32.self))
                clusters.reserveCapacity(clusterCount)
                for _ in 0..<clusterCount { clusters[try reader.read(UInt64.self)] = try reader.read(UInt32.self) }
            }

            let tagSet = TagSet(labels: labels)
            let transitions = try (0..<((tagSet.count + 1) * tagSet.count)).map { _ throws(ByteReader.Overrun) in try reader.readFloat() }
            let scale = try reader.readFloat()
            let quantized = try reader.readInt16s((1 << hashBits) * (found >= 2 ? tagSet.count - 1 : tagSet.count))
            guard reader.isAtEnd else { throw EntityModelError.corrupt(path: path, reason: "unexpected bytes after the weights") }
            let extractor = FeatureExtractor(
                hashBits: hashBits,
                lexicon: Lexicon(categories: categories, entries: entries, prefixes: prefixes, longest: longest),
                wordClasses: WordClasses(classes: classes), clusters: WordClusters(classes: clusters))
            guard found >= 2 else {
                return EntityModel(tagSet: tagSet, extractor: extractor, weights: quantized.map { Float($0) * scale },
                                   transitions: transitions)
            }
            return EntityModel(tagSet: tagSet, extractor: extractor, weights: quantized, scale: scale, transitions: transitions)
        } catch let error as EntityModelError {
            throw error
        } catch let overrun as ByteReader.Overrun {
            throw .corrupt(path: path, reason: "truncated: needed \(overrun.needed) more bytes at offset \(overrun.offset + magic.count)")
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    public static func load(path: String) throws(EntityModelError) -> EntityModel {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try decode([UInt8](data), path: path)
    }

    public static func save(_ model: EntityModel, path: String) throws(EntityModelError) {
        do { try Data(encode(model)).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
