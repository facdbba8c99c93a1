import DocketMarkdown
import Foundation

/// Docusaurus's metadata title: the level-1 heading the body *starts* with (after blank lines
/// and `import` lines), an ATX `# Title` or a setext `Title\n===`, as Docusaurus reads it, which
/// is the heading's source text with inline Markdown left raw except code backticks
/// (`# Hello **World**` is titled `Hello **World**`).
///
/// The parsed tree says whether the body starts with such a heading and where it is; only the
/// heading's own lines (and the few before it) are read from the text, for the raw title.
enum ContentTitleText {
    /// - Parameters:
    ///   - document: the body's tree.
    ///   - body: the body text the tree was parsed from.
    ///   - bodyLineOffset: the file lines before the body (the tree's lines are file lines).
    static func find(in document: MarkdownNode, body: String, bodyLineOffset: Int) -> String? {
        var candidate: MarkdownNode?
        var lines = LeadingLines(body)
        for child in document.children {
            guard child.range.isKnown else { return nil }
            // A paragraph of `import` lines in a `.md` page is skipped, as Docusaurus does (in
            // `.mdx` the MDX layer has already taken them out of the tree). Any other paragraph
            // means there is no title: read no further than its first line.
            if case .paragraph = child.kind {
                let first = child.range.startLine - bodyLineOffset, last = child.range.endLine - bodyLineOffset
                guard first >= 1, first <= last, lines.line(first)?.hasPrefix("import ") == true else { return nil }
                guard (first...last).allSatisfy({ lines.line($0)?.hasPrefix("import ") == true }) else { return nil }
                continue
            }
            candidate = child
            break
        }
        guard let heading = candidate, case .heading(_, level: 1) = heading.kind else { return nil }
        let first = heading.range.startLine - bodyLineOffset
        guard first >= 1, let line = lines.line(first) else { return nil }
        // Only blank and `import` lines before it: a link reference definition (which leaves no
        // node) or an `export` line before the heading means the body does not start with it.
        for before in lines.read[..<(first - 1)] where !(isBlank(before) || before.hasPrefix("import ")) { return nil }
        let text = line.trimmingTrailingSpace
        if text.hasPrefix("#") {
            let afterHash = text.dropFirst()
            guard let space = afterHash.first, space == " " || space == "\t" else { return nil }
            let title = afterHash.drop { $0 == " " || $0 == "\t" }
            guard !title.isEmpty else { return nil }
            return clean(strippingClosingHashes(title))
        }
        // A setext heading: its text on one line, the underline right below (a heading of two
        // text lines is no title; where cmark-gfm ends the heading's range is not relied on).
        guard !text.hasPrefix(" "), let next = lines.line(first + 1) else { return nil }
        let underline = next.trimmingTrailingSpace
        guard !underline.isEmpty, underline.allSatisfy({ $0 == "=" }) else { return nil }
        return clean(text)
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// The body's lines, split only as far as asked: the title is near the top, and splitting
    /// the whole body instead cost seconds on a 10 MB page.
    private struct LeadingLines {
        private(set) var read: [Substring] = []
        private var rest: Substring

        init(_ body: String) {
            rest = body[...]
        }

        /// Line `number` (1-based) of the body, nil past its end.
        mutating func line(_ number: Int) -> Substring? {
            while read.count < number, !rest.isEmpty {
                let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
                read.append(rest[..<end])
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            }
            return number >= 1 && number <= read.count ? read[number - 1] : nil
        }
    }

    private static func strippingClosingHashes(_ text: Substring) -> Substring {
        var t = text
        let hashes = t.reversed().prefix { $0 == "#" }.count
        if hashes > 0 && hashes < t.count {
            let before = t.dropLast(hashes)
            if before.last == " " || before.last == "\t" {
                t = before
                while t.last == " " || t.last == "\t" { t = t.dropLast() }
            }
        }
        return t
    }

    /// Removes a trailing `{#id}` and unwraps inline code.
    private static func clean(_ text: Substring) -> String {
        var t = String(text)
        if t.hasSuffix("}"), let open = t.range(of: "{#", options: .backwards) {
            t = String(t[..<open.lowerBound])
            while t.last == " " || t.last == "\t" { t.removeLast() }
        }
        // Byte check and filter: `replacingOccurrences` bridges to NSString on every page.
        return t.utf8.contains(UInt8(ascii: "`")) ? String(t.filter { $0 != "`" }) : t
    }
}
