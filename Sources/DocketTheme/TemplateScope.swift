import Mustache

/// What a theme template reads and which partials it includes, worked out from its text. The
/// build renders a partial whose output can depend on nothing but `site` once, instead of once per
/// page (`Theme.bound(to:versioned:)`): swift-mustache looks every name up through casts of `Any`,
/// and the navbar, footer and drawer were a fifth of the lookups of a page.
///
/// The reading is conservative: whatever it cannot follow (changed delimiters, dynamic partials,
/// inheritance, an unclosed tag) makes the template unreadable (`scan` returns nil), and such a
/// template is rendered per page as before.
struct TemplateScope: Equatable {
    /// One `{{> name}}` of the template.
    struct Inclusion: Equatable {
        var name: String
        /// At the template's top level (inside no section) and alone on its line at column 0:
        /// the partial then renders with the including template's context and no indentation.
        var topLevel: Bool
    }

    var inclusions: [Inclusion] = []
    /// A name starting with `page` or `target` (the page's data), or a `.` name outside every
    /// section (the root itself).
    var readsPage = false
    /// A name starting with `docsVersion` (nil on every page of an unversioned site).
    var readsDocsVersion = false

    /// True when the output depends on `site` alone (and on `docsVersion` when `readsDocsVersion`).
    var readsSiteOnly: Bool { !readsPage }

    /// Reads `text` with the default delimiters; nil when it cannot be followed.
    static func scan(_ text: String) -> TemplateScope? {
        let bytes = Array(text.utf8)
        var scope = TemplateScope()
        var depth = 0
        var index = 0
        while let open = find([0x7B, 0x7B], in: bytes, from: index) {
            let triple = open + 2 < bytes.count && bytes[open + 2] == 0x7B
            let contentStart = open + (triple ? 3 : 2)
            guard let close = find(triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D], in: bytes, from: contentStart) else {
                return nil
            }
            index = close + (triple ? 3 : 2)
            let content = trimmed(String(decoding: bytes[contentStart..<close], as: UTF8.self)[...])
            if triple {
                guard scope.read(content, depth: depth) else { return nil }
                continue
            }
            let sigil = content.first
            let rest = trimmed(content.dropFirst())
            switch sigil {
            case "!", "%":
                continue
            case "=", "<", "$":
                return nil
            case ">":
                guard !rest.isEmpty, !rest.hasPrefix("*") else { return nil }
                let atLineStart = open == 0 || bytes[open - 1] == 0x0A
                let lineEnds =
                    index == bytes.count || bytes[index] == 0x0A
                    || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
                scope.inclusions.append(Inclusion(name: String(rest), topLevel: depth == 0 && atLineStart && lineEnds))
            case "#", "^":
                guard scope.read(rest, depth: depth) else { return nil }
                depth += 1
            case "/":
                depth -= 1
                guard depth >= 0 else { return nil }
            case "&":
                guard scope.read(rest, depth: depth) else { return nil }
            default:
                guard scope.read(content, depth: depth) else { return nil }
            }
        }
        return depth == 0 ? scope : nil
    }

    /// Notes what the name of a variable or section reads; false when it cannot be followed.
    private mutating func read(_ written: Substring, depth: Int) -> Bool {
        var name = written
        // A transform (`uppercased(site.title)`, nested too) reads the innermost name.
        if let open = name.lastIndex(of: "(") {
            guard let close = name[open...].firstIndex(of: ")") else { return false }
            name = name[name.index(after: open)..<close]
        }
        name = Self.trimmed(name)
        guard !name.isEmpty else { return false }
        if name.first == "." {
            // The context itself: inside a section that is the section's value, at the top level
            // the root, which holds the page.
            if depth == 0 { readsPage = true }
            return true
        }
        let first = name.prefix { $0 != "." }
        if first == "page" || first == "target" { readsPage = true }
        if first == "docsVersion" { readsDocsVersion = true }
        return true
    }

    /// The page of a partial rendered once per site: it has no data (the partials rendered that
    /// way read none).
    struct NoPage: MustacheParent, Sendable {
        func child(named name: String) -> Any? { nil }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = text.firstIndex(where: { !space($0) }), let last = text.lastIndex(where: { !space($0) })
        else { return "" }
        return text[first...last]
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
