/// Docusaurus's magic comments: `highlight-next-line`, `highlight-start` / `highlight-end`.
/// They apply only when the meta string gave no `{…}` range, and are removed from the code.
enum CodeHighlights {
    private static let commentPrefixes = ["//", "#", "/*", "<!--", "--", ";", "%", "{/*"]

    /// Returns the lines to show and the 1-based highlighted ones among them.
    static func apply(to lines: [Substring]) -> (lines: [Substring], highlighted: Set<Int>) {
        var kept: [Substring] = []
        var highlighted = Set<Int>()
        var nextLine = false
        var inBlock = false
        for line in lines {
            switch directive(in: line) {
            case "highlight-next-line":
                nextLine = true
                continue
            case "highlight-start":
                inBlock = true
                continue
            case "highlight-end":
                inBlock = false
                continue
            default:
                kept.append(line)
                if nextLine || inBlock { highlighted.insert(kept.count) }
                nextLine = false
            }
        }
        return (kept, highlighted)
    }

    private static func directive(in line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let prefix = commentPrefixes.first(where: { trimmed.hasPrefix($0) }) else { return nil }
        var body = trimmed.dropFirst(prefix.count).drop { $0 == " " }
        for suffix in ["*/}", "*/", "-->"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
        }
        while body.last == " " || body.last == "\r" { body = body.dropLast() }
        switch body {
        case "highlight-next-line", "highlight-start", "highlight-end": return String(body)
        default: return nil
        }
    }
}
