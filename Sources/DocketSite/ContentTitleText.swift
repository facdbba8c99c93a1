import Foundation

/// Docusaurus's metadata title from the body text: only when the trimmed body *starts* with an
/// ATX `# Title` or a setext `Title\n===`. Inline Markdown stays raw except code backticks.
enum ContentTitleText {
    static func find(in body: String) -> String? {
        var lines = leadingLines(of: body)[...]
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            lines = lines.dropFirst()
        }
        // Leading MDX import lines are skipped, as Docusaurus does.
        while let first = lines.first, first.hasPrefix("import ") || first.trimmingTrailingSpace.isEmpty {
            lines = lines.dropFirst()
        }
        guard let first = lines.first?.trimmingTrailingSpace else { return nil }
        if first.hasPrefix("#") {
            let afterHash = first.dropFirst()
            guard let space = afterHash.first, space == " " || space == "\t" else { return nil }
            var title = afterHash.drop { $0 == " " || $0 == "\t" }
            guard !title.isEmpty else { return nil }
            title = strippingClosingHashes(title)
            return clean(title)
        }
        if lines.count >= 2 {
            let underline = lines[lines.index(after: lines.startIndex)].trimmingTrailingSpace
            if !underline.isEmpty, underline.allSatisfy({ $0 == "=" }), !first.hasPrefix(" ") {
                return clean(first.drop { $0 == " " })
            }
        }
        return nil
    }

    /// The lines up to the second non-blank, non-import one: all `find` reads. Splitting the whole
    /// body instead cost seconds on a 10 MB page.
    private static func leadingLines(of body: String) -> [Substring] {
        var lines: [Substring] = []
        var content = 0
        var rest = body[...]
        while content < 2, !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            lines.append(line)
            if !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) && !line.hasPrefix("import ") { content += 1 }
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
        }
        return lines
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
