/// Splits text into the terms the search index stores: lower-cased runs of letters, marks and
/// digits, two characters or longer. docket.js splits a query with the same rule
/// (`/[\p{L}\p{M}\p{N}]+/gu` on the lower-cased text), so a typed word meets the stored term.
enum SearchTokenizer {
    /// Calls `term` with the UTF-8 bytes of every term of `text`, in order, repeats included; the
    /// buffer is valid only during the call. Works on the UTF-8 bytes (a ten-thousand-page site
    /// has tens of megabytes of text): ASCII is classified and lower-cased directly, other scalars
    /// are decoded and classified by their category.
    static func forEachTerm(in text: String, _ term: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var scalars = 0
            var asciiOnly = true
            func flush() {
                if scalars >= 2 {
                    if asciiOnly {
                        // ASCII was lower-cased on the way in.
                        word.withUnsafeBufferPointer(term)
                    } else {
                        // Other scripts need the full mapping (which may change the length).
                        var lower = String(decoding: word, as: UTF8.self).lowercased()
                        lower.withUTF8(term)
                    }
                }
                word.removeAll(keepingCapacity: true)
                scalars = 0
                asciiOnly = true
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {
                        word.append(byte)
                        scalars += 1
                    } else if byte >= 0x41 && byte <= 0x5A {
                        word.append(byte + 0x20)
                        scalars += 1
                    } else if !word.isEmpty {
                        flush()
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
                    word.append(contentsOf: bytes[index..<end])
                    scalars += 1
                    asciiOnly = false
                } else if !word.isEmpty {
                    flush()
                }
                index = end
            }
            if !word.isEmpty { flush() }
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
