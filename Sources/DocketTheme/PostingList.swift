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
            bytes.append(SearchIndex.leading[(number >> (5 * index)) & 31])
        }
        bytes.append(SearchIndex.final[number & 31])
    }

    /// The postings as the term files hold them.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
