/// Hashing for features and lexicon keys.
///
/// Features are never stored as strings: each is a 64-bit hash of its template and values, reduced to
/// a row of the weight table. The hash must not change between training and loading, so it is spelled
/// out here (FNV-1a over UTF-8 bytes, SplitMix64 to combine) instead of using `Hasher`, which is seeded
/// per process.
enum FeatureHash {
    static let empty: UInt64 = 0xCBF2_9CE4_8422_2325

    static func bytes(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = empty
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    static func string(_ string: some StringProtocol) -> UInt64 { bytes(string.utf8) }

    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }

    static func combine(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { combine(combine(a, b), c) }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
