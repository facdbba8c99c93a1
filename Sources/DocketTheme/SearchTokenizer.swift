/// Splits text into the terms the search index stores: lower-cased runs of letters, marks and
/// digits, two characters or longer. docket.js splits a query with the same rule
/// (`/[\p{L}\p{M}\p{N}]+/gu` on the lower-cased text), so a typed word meets the stored term.
enum SearchTokenizer {
    /// Calls `term` for every term of `text`, in order, repeats included.
    static func forEachTerm(in text: String, _ term: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var asciiOnly = true
        func flush() {
            if word.count >= 2 {
                // ASCII was lower-cased on the way in; only other scripts need the full mapping.
                term(asciiOnly ? String(word) : String(word).lowercased())
            }
            word.removeAll(keepingCapacity: true)
            asciiOnly = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) {
                    word.append(scalar)
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(Unicode.Scalar(value + 0x20)!)
                } else if !word.isEmpty {
                    flush()
                }
            } else if isWordScalar(scalar) {
                word.append(scalar)
                asciiOnly = false
            } else if !word.isEmpty {
                flush()
            }
        }
        if !word.isEmpty { flush() }
    }

    /// The terms of `text`, each once, in first-seen order.
    static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        forEachTerm(in: text) { if seen.insert($0).inserted { out.append($0) } }
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
