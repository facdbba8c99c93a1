/// One term's postings (`section * 16 + fields`, sections ascending), kept in the text form the
/// term files hold (see `SearchIndex.encode`) and extended as postings arrive: one or two bytes a
/// posting instead of an `Int`'s eight. The tables of a batch's chunks are made in this form on
/// every core, so joining them into the site's table copies bytes (`append(contentsOf:)`) where
/// it encoded every posting of the site on one core.
struct PostingList: Sendable {
    private(set) var bytes: [UInt8] = []
    /// The last posting (`section * 16 + fields`); 0 while there is none.
    private(set) var last = 0

    /// Adds a posting; its section must not be smaller than the previous one's (a posting of
    /// the last posting's section is a new posting of the same section: `add` widens instead).
    @inline(__always)
    mutating func append(_ value: Int) {
        let section = value >> 4
        // A smaller section would be a negative gap, written as a wrong digit without a word.
        assert(section >= last >> 4, "postings out of order: section \(section) after \(last >> 4)")
        let number = (section - (last >> 4)) << 4 | (value & 15)
        last = value
        // One or two digits for nearly every posting (a gap of one section is 16 to 31).
        if number < 32 {
            bytes.append(Self.finalDigit(number))
            return
        }
        if number < 1024 {
            bytes.append(Self.leadingDigit(number >> 5))
            bytes.append(Self.finalDigit(number & 31))
            return
        }
        // Base 32, most significant digit first: count the digits, then write them in place.
        var digits = 1
        while number >> (5 * digits) > 0 { digits += 1 }
        for index in stride(from: digits - 1, to: 0, by: -1) {
            bytes.append(Self.leadingDigit((number >> (5 * index)) & 31))
        }
        bytes.append(Self.finalDigit(number & 31))
    }

    /// Adds `field` to the posting of the section `posting` (`section * 16`): widens the last
    /// posting when it is that section's (the fields are the low four bits of the last digit),
    /// else appends one. Sections must come in ascending order.
    @inline(__always)
    mutating func add(posting: Int, field: Int) {
        guard !bytes.isEmpty, last >> 4 == posting >> 4 else {
            append(posting | field)
            return
        }
        // The word was seen in this section: only a field it was not seen in changes anything.
        if last & field == field { return }
        last |= field
        bytes[bytes.count - 1] = Self.finalDigit(Self.finalValue(bytes[bytes.count - 1]) | field)
    }

    /// Appends `other`'s postings, their sections numbered from `firstID` (all after this
    /// list's). `other`'s first posting is written as a gap from section 0: it is read back
    /// and written again as the gap from this list's last section; the rest (gaps between
    /// `other`'s own postings) are copied as they are.
    mutating func append(contentsOf other: PostingList, from firstID: Int = 0) {
        guard !other.bytes.isEmpty else { return }
        guard !bytes.isEmpty || firstID != 0 else {
            self = other
            return
        }
        var number = 0
        var index = 0
        while index < other.bytes.count, let digit = Self.digitValue(other.bytes[index]) {
            index += 1
            number = number << 5 | digit.value
            if digit.isFinal { break }
        }
        append(number + (firstID << 4))
        bytes.append(contentsOf: other.bytes[index...])
        last = other.last + (firstID << 4)
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

    /// The value of a final digit this type wrote (the inverse of `finalDigit`).
    @inline(__always)
    static func finalValue(_ digit: UInt8) -> Int {
        digit <= 0x39 ? Int(digit) - 0x30 : Int(digit) - 0x61 + 10
    }

    /// The value of a digit of either alphabet and whether it ends a posting (the inverse of
    /// `finalDigit` and `leadingDigit`); nil for any other byte.
    static func digitValue(_ digit: UInt8) -> (value: Int, isFinal: Bool)? {
        switch digit {
        case 0x30...0x39, 0x61...0x76: (finalValue(digit), true)
        case 0x41...0x5A: (Int(digit) - 0x41, false)
        case 0x77...0x7A: (Int(digit) - 0x77 + 26, false)
        case UInt8(ascii: "-"): (30, false)
        case UInt8(ascii: "_"): (31, false)
        default: nil
        }
    }

    /// The postings as the term files hold them.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
