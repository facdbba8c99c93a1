/// github-slugger 1.5 as Docusaurus uses it: one instance per document, so repeated headings get
/// `-1`, `-2` suffixes in the same way, and links to anchors keep working after a migration.
public struct HeadingSlugger: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug of `text` without uniqueness: lowercased, punctuation and symbols removed,
    /// each space turned into `-` (no collapsing, no trimming).
    public static func slug(_ text: String) -> String {
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
