import DocketMarkdown

/// URL path arithmetic the way Docusaurus does it (resolve-pathname and normalizeUrl), so slugs
/// and relative links land on the same URLs.
public enum URLPath {
    /// Resolves `to` against `from` like a browser resolves a relative URL path.
    ///
    /// Paths are split on the `/` byte (as a browser and a file system do): splitting Characters
    /// cost tens of thousands of instructions per page placed, a `/` that a combining mark
    /// follows being the only text where the two differ.
    public static func resolve(_ to: String, from: String) -> String {
        let toParts = to.isEmpty ? [] : segments(of: to)
        var parts = from.isEmpty ? [] : segments(of: from)
        let toAbsolute = to.utf8.first == UInt8(ascii: "/")
        let mustEndAbsolute = toAbsolute || from.utf8.first == UInt8(ascii: "/")
        if toAbsolute {
            parts = toParts
        } else if !toParts.isEmpty {
            if !parts.isEmpty { parts.removeLast() }
            parts += toParts
        }
        if parts.isEmpty { return "/" }
        let last = parts[parts.count - 1]
        let hasTrailingSlash = last == "." || last == ".." || last.isEmpty
        var up = 0
        var i = parts.count - 1
        while i >= 0 {
            let part = parts[i]
            if part == "." {
                parts.remove(at: i)
            } else if part == ".." {
                parts.remove(at: i)
                up += 1
            } else if up > 0 {
                parts.remove(at: i)
                up -= 1
            }
            i -= 1
        }
        if !mustEndAbsolute {
            while up > 0 { parts.insert("..", at: 0); up -= 1 }
        }
        if mustEndAbsolute && parts.first?.isEmpty != true { parts.insert("", at: 0) }
        var result = parts.joined(separator: "/")
        if hasTrailingSlash && result.utf8.last != UInt8(ascii: "/") { result += "/" }
        return result
    }

    /// The `/`-separated segments of `path`, empty ones included (`/a//b/` has five).
    static func segments(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Joins URL pieces with single slashes, keeping a trailing slash of the last piece. Runs of
    /// slashes are collapsed (`//` inside a slug); the result starts with `/`. One pass over the
    /// bytes (`/` is ASCII): every page's URL is joined when it is placed.
    public static func join(_ pieces: [String]) -> String {
        let slash = UInt8(ascii: "/")
        var bytes: [UInt8] = [slash]
        bytes.reserveCapacity(pieces.reduce(2) { $0 + $1.utf8.count + 1 })
        for piece in pieces where !piece.isEmpty {
            // Collapsing makes "a/" + "/b" and "a" + "b" alike: a slash between, never two.
            if bytes.last != slash && piece.utf8.first != slash { bytes.append(slash) }
            for byte in piece.utf8 where byte != slash || bytes.last != slash { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits `path?query#hash` into its pathname and the rest (`?query#hash`, possibly empty).
    public static func splitSuffix(_ url: String) -> (path: String, suffix: String) {
        // Bytes, in the string's buffer: both marks are ASCII, and every link of every page asks.
        url.withUTF8Bytes { bytes in
            guard let mark = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) else {
                return (url, "")
            }
            return (
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<mark]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[mark...]), as: UTF8.self)
            )
        }
    }

    /// The fragment of a URL, without `#`, if any.
    public static func fragment(_ url: String) -> String? {
        // Bytes: `#` is ASCII, and no Character but `#` itself holds its byte (UTF-8 never
        // repeats an ASCII byte inside another scalar), unless a combining mark follows it, in
        // which case the Character reading decides.
        let found = url.withUTF8Bytes { bytes -> String?? in
            guard let mark = bytes.firstIndex(of: UInt8(ascii: "#")) else { return .some(nil) }
            if mark + 1 < bytes.count && bytes[mark + 1] >= 0x80 { return nil }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[(mark + 1)...]), as: UTF8.self))
        }
        if let found { return found }
        guard let index = url.firstIndex(of: "#") else { return nil }
        return String(url[url.index(after: index)...])
    }

    /// True for URLs with a scheme (`https:`, `mailto:`) or protocol-relative ones (`//host`).
    ///
    /// Read as bytes: every link of every page asks. The rules are those of Characters (a `:`
    /// or `/` that a combining mark joins is no separator), so where a non-ASCII byte follows
    /// the byte that decides, the Character form decides instead.
    public static func isExternal(_ url: String) -> Bool {
        // In the string's buffer (`withUTF8Bytes`): stepping a `String.UTF8View` index cost
        // about thirty instructions a byte.
        url.withUTF8Bytes { bytes -> Bool in
            var index = 0
            var count = 0
            var previous: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                let nextIsASCII = index == bytes.count || bytes[index] < 0x80
                if count == 1 && byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") {
                    return nextIsASCII ? true : isExternalByCharacters(url)
                }
                if byte == UInt8(ascii: ":") {
                    return nextIsASCII
                        ? count > 0 && !(count == 1 && previous == UInt8(ascii: "/")) : isExternalByCharacters(url)
                }
                // A byte no scheme holds, before any `:`: no scheme (the Character form agrees:
                // its scheme would hold this byte's Character), unless it is the first of a `//`.
                if !isSchemeByte(byte, first: count == 0) && !(count == 0 && byte == UInt8(ascii: "/")) {
                    return false
                }
                if count == 1 && previous == UInt8(ascii: "/") { return false }
                previous = byte
                count += 1
            }
            return false
        }
    }

    /// A byte a scheme may hold: an ASCII letter first, then letters, digits, `+`, `-`, `.`.
    private static func isSchemeByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return !first
        default: return false
        }
    }

    /// `isExternal` by Characters: the reading the byte form must agree with.
    static func isExternalByCharacters(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Percent-decodes a path (`%20` → space); invalid sequences are kept as written.
    public static func decode(_ path: String) -> String {
        // A byte search: a `%` that decodes is followed by two ASCII digits, so a `%` joined by a
        // combining mark decodes to itself either way.
        guard path.holdsByte(UInt8(ascii: "%")) else { return path }
        var bytes: [UInt8] = []
        var utf8 = Array(path.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Percent-encodes a route for an `href`, the sitemap or the search index: permalinks are
    /// kept as Docusaurus computes them, with the file names' spaces, `#`, `?` and `%` as
    /// written (`/docs/Setup Guide`), and encoded only where they leave the site
    /// (`/docs/Setup%20Guide`). Like Docusaurus's own per-segment encoding, `/` separates
    /// segments and stays; unlike it, letters outside ASCII stay as written (an IRI, which
    /// browsers accept), so existing URLs do not change. External URLs are returned unchanged.
    public static func encode(_ path: String) -> String {
        // Checked on the contiguous bytes, the masks read once: every link of every page passes
        // here, and most need nothing (through `utf8` it was a hundredth of a build).
        var text = path
        let below64 = encodedBelow64
        let below128 = encodedBelow128
        let needsEncoding = text.withUTF8 { bytes in bytes.contains { mustEncode($0, below64, below128) } }
        guard needsEncoding, !isExternal(path) else { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if mustEncode(byte, below64, below128) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII bytes that cannot stand for themselves in a URL path: controls, space, `"`, `#`,
    /// `%`, `<`, `>`, `?`, `[`, `\`, `]`, `^`, `` ` ``, `{`, `|`, `}` and DEL. Two bit masks: this
    /// test sees every byte of every site link, so the caller reads the masks (`encodedBelow64`,
    /// `encodedBelow128`) once and passes them.
    @inline(__always)
    private static func mustEncode(_ byte: UInt8, _ below64: UInt64, _ below128: UInt64) -> Bool {
        if byte < 64 { return below64 & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return below128 & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    private static let encodedBelow64: UInt64 = mask("\"#%<>?", offset: 0) | 0x1_FFFF_FFFF  // 0x00-0x20
    private static let encodedBelow128: UInt64 = mask("[\\]^`{|}", offset: 64) | (1 << 63)  // DEL

    private static func mask(_ characters: String, offset: UInt8) -> UInt64 {
        characters.utf8.reduce(0) { $0 | (1 << UInt64($1 - offset)) }
    }

    /// Docusaurus's `trailingSlash` on a route or link (`applyTrailingSlash`): nil leaves it as
    /// it is, true adds a final `/` to the pathname, false removes it. `#anchor` links, `/` and
    /// the base URL itself are never changed; `?query#hash` stays after the pathname.
    public static func applyTrailingSlash(_ url: String, _ trailingSlash: Bool?, baseURL: String) -> String {
        guard let trailingSlash, !url.hasPrefix("#") else { return url }
        let (path, suffix) = splitSuffix(url)
        if path == "/" || path == baseURL || path.isEmpty { return url }
        if trailingSlash {
            return path.hasSuffix("/") ? url : path + "/" + suffix
        }
        return path.hasSuffix("/") ? String(path.dropLast()) + suffix : url
    }

    /// The file an URL path is served from: `/docs/a` → `docs/a/index.html`, `/docs/` →
    /// `docs/index.html`, `/sitemap.xml` stays. Nil when a segment would leave the output folder.
    /// `path` is a route as docket keeps it (not percent-encoded: `/docs/a b`), and the file
    /// name is that route, so a server decoding `/docs/a%20b` finds it. With `trailingSlash:
    /// false` a route without a final `/` is a file of its own (`docs/a.html`), as Docusaurus
    /// writes it so that hosts serve `/docs/a` without a redirect.
    public static func outputFile(for path: String, trailingSlash: Bool? = nil) -> String? {
        // One pass over the bytes: `/` is ASCII, and splitting the path into substrings, comparing
        // each with `..` as Characters and joining them again cost more than writing the page.
        guard let relative = path.withUTF8Bytes(outputRelative) else { return nil }
        if relative.isEmpty { return "index.html" }
        // Suffixes are Character suffixes (a prepended mark may join the byte before them); the
        // bytes answer no, and a byte yes is confirmed on the text.
        if path.utf8.last == UInt8(ascii: "/"), path.hasSuffix("/") { return relative + "/index.html" }
        if endsWithBytes(relative, ".html") || endsWithBytes(relative, ".xml"),
            let last = relative.utf8.split(separator: UInt8(ascii: "/")).last.map(Substring.init),
            last.hasSuffix(".html") || last.hasSuffix(".xml")
        {
            return relative
        }
        if trailingSlash == false { return relative + ".html" }
        return relative + "/index.html"
    }

    private static func endsWithBytes(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// The path's names joined by single slashes (no leading or trailing one); nil when a name is
    /// `.` or `..` or holds a backslash or a NUL byte.
    private static func outputRelative(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var relative: [UInt8] = []
        relative.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") {
                if bytes[end] == UInt8(ascii: "\\") || bytes[end] == 0 { return nil }
                end += 1
            }
            if bytes[index] == UInt8(ascii: "."),
                end - index == 1 || (end - index == 2 && bytes[index + 1] == UInt8(ascii: "."))
            {
                return nil
            }
            if !relative.isEmpty { relative.append(UInt8(ascii: "/")) }
            relative.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
        }
        return String(decoding: relative, as: UTF8.self)
    }
}
