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
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            var start = 0
            var scalars = 0
            var hasUpper = false
            var asciiOnly = true
            func flush(upTo end: Int) {
                defer { (scalars, hasUpper, asciiOnly) = (0, false, true) }
                guard scalars >= 2 else { return }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !hasUpper && asciiOnly { return term(run) }
                word.removeAll(keepingCapacity: true)
                for byte in run { word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
                if asciiOnly { return word.withUnsafeBufferPointer(term) }
                // Other scripts need the full mapping (which may change the length).
                var lower = String(decoding: word, as: UTF8.self).lowercased()
                lower.withUTF8(term)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let lower = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
                    let upper = byte >= 0x41 && byte <= 0x5A
                    if lower || upper {
                        if scalars == 0 { start = index }
                        scalars += 1
                        if upper { hasUpper = true }
                    } else if scalars > 0 {
                        flush(upTo: index)
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar (the string is valid UTF-8).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                let end = min(index + length, bytes.count)
                for next in (index + 1)..<end { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                if let scalar = Unicode.Scalar(value), isWordScalar(scalar) {
                    if scalars == 0 { start = index }
                    scalars += 1
                    asciiOnly = false
                } else if scalars > 0 {
                    flush(upTo: index)
                }
                index = end
            }
            if scalars > 0 { flush(upTo: bytes.count) }
        }
    }

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
