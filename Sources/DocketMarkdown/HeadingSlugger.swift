/// github-slugger 1.5 as Docusaurus uses it: one instance per document, so repeated headings get
/// `-1`, `-2` suffixes in the same way, and links to anchors keep working after a migration.
public struct HeadingSlugger: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug of `text` without uniqueness: lowercased, punctuation and symbols removed,
    /// each space turned into `-` (no collapsing, no trimming).
    public static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if keeps(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `slug` of an ASCII text, byte by byte (no lower-casing of the whole text, no scalar
    /// properties: most headings are ASCII); nil for any other text.
    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    let kept: UInt8
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                        UInt8(ascii: "-"), UInt8(ascii: "_"):
                        kept = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 0x20
                    case UInt8(ascii: " "): kept = UInt8(ascii: "-")
                    default: continue
                    }
                    out[count] = kept
                    count += 1
                }
                return count
            }
        }
    }

    /// A slug not handed out before in this document.
    public mutating func unique(_ text: String) -> String {
        let base = Self.slug(text)
        var slug = base
        while occurrences[slug] != nil {
            occurrences[base, default: 0] += 1
            slug = base + "-" + String(occurrences[base]!)
        }
        occurrences[slug] = 0
        return slug
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
