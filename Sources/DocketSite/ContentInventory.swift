import Foundation

/// What the content folder holds, by path relative to it (`/`-separated, sorted): the pages, the
/// `_category_` files, and every other file (images and downloads a page may link to).
public struct ContentInventory: Sendable {
    public var pages: [String] = []
    public var categoryFiles: [String] = []
    public var otherFiles: Set<String> = []
    /// Files and folders whose names hold a control character (a newline, a tab): left out,
    /// and an error for the caller to report, since no URL or sitemap line can carry them.
    public var badNames: [String] = []

    public init() {}

    /// Lists `folder` through `source`, skipping what Docusaurus skips: the default `exclude`
    /// globs (names starting with `_`, `__tests__` folders, `*.test.*` files) plus `exclude`,
    /// and pages that match no `include` glob (default: every `.md` and `.mdx` file). Dot files
    /// and `node_modules` are never content; an excluded folder is not walked at all.
    public static func scan(
        _ folder: ResolvedPath, in source: any SiteSource, exclude: [ContentGlob] = [],
        include: [ContentGlob]? = nil
    ) -> ContentInventory {
        var inventory = ContentInventory()
        let excludes = ContentGlob.defaultExcludes.compactMap { try? ContentGlob($0) } + exclude
        let includes = include ?? ContentGlob.defaultIncludes.compactMap { try? ContentGlob($0) }
        var badFolders: [String] = []
        let entries = source.files(in: folder) { path in
            let name = lastName(path)
            if hasControlCharacter(name), !name.hasPrefix(".") {
                badFolders.append(path)
                return false
            }
            return
                !(name.hasPrefix(".") || name == "node_modules" || excludes.contains(where: { $0.matchesFolder(path) }))
        }
        inventory.badNames = badFolders
        for entry in entries {
            let path = entry.path
            let name = lastName(path)
            if hasControlCharacter(name), !name.hasPrefix(".") {
                inventory.badNames.append(path)
                continue
            }
            guard entry.isFile, !name.hasPrefix(".") else { continue }
            if name == "_category_.json" || name == "_category_.yml" || name == "_category_.yaml" {
                inventory.categoryFiles.append(path)
                continue
            }
            let split = ContentGlob.Path(path)
            if excludes.contains(where: { $0.matches(split) }) {
                continue
            } else if isPage(name) {
                // A Markdown file no `include` names is not a page, nor a file to link to.
                if includes.contains(where: { $0.matches(split) }) { inventory.pages.append(path) }
            } else {
                inventory.otherFiles.insert(path)
            }
        }
        inventory.pages.sort(by: codeUnitOrder)
        inventory.categoryFiles.sort(by: codeUnitOrder)
        inventory.badNames.sort(by: codeUnitOrder)
        return inventory
    }

    private static func lastName(_ path: String) -> String {
        // The text after the last `/` (an ASCII byte, never inside a character): what
        // `split(separator: "/").last` gave, without splitting the whole path.
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        let name = Substring(path.utf8[utf8.index(after: slash)...])
        if !name.isEmpty { return String(name) }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    /// True when `name` holds a C0 or C1 control character or DEL.
    public static func hasControlCharacter(_ name: String) -> Bool {
        name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// `name` with its control characters written as escapes (`a\nb`), for messages.
    public static func visible(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    public static func isPage(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".mdx")
    }
}

/// JavaScript's default string order (UTF-16 code units), which Docusaurus's sorting uses.
///
/// Compared as UTF-8 bytes up to the first difference: the code points before it are the same,
/// and when either differing byte is ASCII the order of the bytes is that of the UTF-16 units (an
/// ASCII unit is below every other). Only two non-ASCII characters are compared as UTF-16, where
/// the encodings can disagree (U+E000–U+FFFF against a character beyond U+FFFF). Sorting a
/// site's paths through the UTF-16 view transcoded every path at every comparison.
public func codeUnitOrder(_ a: String, _ b: String) -> Bool {
    // Nil when either text has no contiguous UTF-8 or the first difference is in non-ASCII.
    let byBytes: Bool? =
        a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
                let common = min(x.count, y.count)
                var index = 0
                while index < common && x[index] == y[index] { index += 1 }
                if index == common { return x.count < y.count }
                if x[index] < 0x80 || y[index] < 0x80 { return x[index] < y[index] }
                return nil
            } ?? nil
        } ?? nil
    if let byBytes { return byBytes }
    return a.utf16.lexicographicallyPrecedes(b.utf16)
}
