/// Splits text into the terms the search index stores: lower-cased runs of letters, marks and
/// digits, two characters or longer. docket.js splits a query with the same rule
/// (`/[\p{L}\p{M}\p{N}]+/gu` on the lower-cased text), so a typed word meets the stored term.
enum SearchTokenizer {
    /// Calls `term` with the UTF-8 bytes of every term of `text`, in order, repeats included; the
    /// buffer is valid only during the call. Works on the UTF-8 bytes (a ten-thousand-page site
    /// has tens of megabytes of text): ASCII is classified directly, other scalars are decoded
    /// and classified by their category. A word of lower-case ASCII (most of them) is handed
    /// over where it stands in the text; only one holding capitals or other scripts is copied
    /// and lower-cased first.
    static func forEachTerm(in text: String, _ term: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        asciiClasses.withUnsafeBufferPointer { classes in
            text.withUTF8 { bytes in
                var word: [UInt8] = []
                let count = bytes.count
                var index = 0
                // One word per turn: separators skipped, then the word's run read in a tight loop
                // (most of the text is lower-case ASCII words), then the word handed over.
                while index < count {
                    let first = bytes[index]
                    if first < 0x80 && classes[Int(first)] == 0 {
                        index += 1
                        continue
                    }
                    let start = index
                    var end = index
                    var scalars = 0
                    var hasUpper = false
                    var asciiOnly = true
                    while index < count {
                        // A run of ASCII letters and digits, one table read a byte.
                        var seen: UInt8 = 0
                        let runStart = index
                        while index < count {
                            let found = classes[Int(bytes[index])]
                            if found == 0 { break }
                            seen |= found
                            index += 1
                        }
                        if index > runStart {
                            scalars += index - runStart
                            end = index
                            if seen & upperClass != 0 { hasUpper = true }
                        }
                        guard index < count else { break }
                        let byte = bytes[index]
                        // ASCII that is no letter or digit ends the word.
                        if byte < 0x80 { break }
                        // A multi-byte scalar (the string is valid UTF-8).
                        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        let scalarEnd = min(index + length, count)
                        for next in (index + 1)..<scalarEnd { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                        index = scalarEnd
                        // Not a word scalar: a separator, passed over with the word ending before it.
                        guard let scalar = Unicode.Scalar(value), isWordScalar(scalar) else { break }
                        scalars += 1
                        asciiOnly = false
                        end = index
                    }
                    guard scalars >= 2 else { continue }
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if !hasUpper && asciiOnly {
                        term(run)
                        continue
                    }
                    word.removeAll(keepingCapacity: true)
                    for byte in run { word.append(byte &- 0x41 < 26 ? byte + 0x20 : byte) }
                    if asciiOnly {
                        word.withUnsafeBufferPointer(term)
                        continue
                    }
                    // Other scripts need the full mapping (which may change the length).
                    var lower = String(decoding: word, as: UTF8.self).lowercased()
                    lower.withUTF8(term)
                }
            }
        }
    }

    /// For each byte: `wordClass` for an ASCII lower-case letter or digit, `wordClass | upperClass`
    /// for a capital, 0 for everything else (other ASCII, and every byte of a multi-byte scalar,
    /// which the word loop decodes).
    private static let asciiClasses: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: return wordClass
        case 0x41...0x5A: return wordClass | upperClass
        default: return 0
        }
    }
    private static let wordClass: UInt8 = 1
    private static let upperClass: UInt8 = 2

    /// The terms of `text`, each once, in first-seen order.
    static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        forEachTerm(in: text) { bytes in
            let term = String(decoding: bytes, as: UTF8.self)
            if seen.insert(term).inserted { out.append(term) }
        }
        return out
    }

    /// Letters, marks and digits outside ASCII.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
