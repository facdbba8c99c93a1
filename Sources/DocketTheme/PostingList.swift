/// One term's postings (`section * 16 + fields`, sections ascending), kept in the text form the
/// term files hold (see `SearchIndex.encode`) and extended as postings arrive: one or two bytes a
/// posting instead of an `Int`'s eight, for the whole index of a large site while it is made.
struct PostingList: Sendable {
    private(set) var bytes: [UInt8] = []
    private var previous = 0

    /// Adds a posting; its section must not be smaller than the previous one's.
    mutating func append(_ value: Int) {
        let section = value >> 4
        let number = (section - previous) << 4 | (value & 15)
        previous = section
        // Base 32, most significant digit first: count the digits, then write them in place.
        var digits = 1
        while number >> (5 * digits) > 0 { digits += 1 }
        for index in stride(from: digits - 1, to: 0, by: -1) {
            bytes.append(Self.leadingDigit((number >> (5 * index)) & 31))
        }
        bytes.append(Self.finalDigit(number & 31))
    }

    /// `SearchIndex.final[value]` (value 0...31), computed: every posting of the site is
    /// written here, and the static table was reached through `swift_once` and a bounds check
    /// for each digit.
    @inline(__always)
    static func finalDigit(_ value: Int) -> UInt8 {
        value < 10 ? UInt8(truncatingIfNeeded: 0x30 + value) : UInt8(truncatingIfNeeded: 0x61 + value - 10)
    }

    /// `SearchIndex.leading[value]` (value 0...31), computed (see `finalDigit`).
    @inline(__always)
    static func leadingDigit(_ value: Int) -> UInt8 {
        switch value {
        case 0..<26: UInt8(truncatingIfNeeded: 0x41 + value)
        case 26..<30: UInt8(truncatingIfNeeded: 0x77 + value - 26)
        case 30: UInt8(ascii: "-")
        default: UInt8(ascii: "_")
        }
    }

    /// The postings as the term files hold them.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
