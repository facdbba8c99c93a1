/// A set of bytes as a 256-bit mask: the lexers test membership once per byte, so it must be a
/// few instructions, not a hash lookup.
struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    /// The bytes of an ASCII literal, e.g. `"+-*/"`. A `StaticString`, so building a set inside
    /// a matcher costs a short loop and no string machinery.
    init(_ ascii: StaticString) {
        ascii.withUTF8Buffer { for byte in $0 { insert(byte) } }
    }

    init(string: String) {
        for byte in string.utf8 { insert(byte) }
    }

    /// An inclusive byte range, e.g. `ByteSet(0x80...0xFF)`.
    init(_ range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.bits.0 |= other.bits.0
        result.bits.1 |= other.bits.1
        result.bits.2 |= other.bits.2
        result.bits.3 |= other.bits.3
        return result
    }

    /// Every byte except the given ASCII ones.
    static func except(_ ascii: StaticString) -> ByteSet {
        let excluded = ByteSet(ascii)
        var set = ByteSet()
        for byte in UInt8(0)...UInt8(255) where !excluded.contains(byte) { set.insert(byte) }
        return set
    }

    static let all: ByteSet = ByteSet(0...255)
    static let digits = ByteSet("0123456789")
    static let spaces = ByteSet(" \t")
    static let whitespace = ByteSet(" \t\r\n")
    static let upper = ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// Letters, `_` and every non-ASCII byte, so a UTF-8 identifier is never split mid-scalar.
    static let identifierStart = ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_").union(
        ByteSet(0x80...0xFF))
    static let identifier = identifierStart.union(digits)
}
