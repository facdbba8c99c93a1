/// A glob over `/`-separated paths relative to the content folder, as Docusaurus's `include` and
/// `exclude` options use them: `**` matches any number of folders (none included), `*` and `?`
/// match within one name, `[abc]` a set, and `{a,b}` alternatives.
public struct ContentGlob: Sendable, Equatable {
    /// Why a pattern cannot be used.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
    }

    public let pattern: String
    /// The brace-expanded alternatives, each split into path segments, each segment's scalars
    /// (made once here: matching is done for every file of the content folder).
    private let alternatives: [[[Unicode.Scalar]]]
    private static let anyFolders: [Unicode.Scalar] = ["*", "*"]

    /// A path to match, split into its names once for every glob it is matched against.
    public struct Path {
        /// Each name, a slice of the path's scalars: one array for the whole path, where an
        /// array per name was most of the time of a 10,000-file scan.
        let segments: [ArraySlice<Unicode.Scalar>]

        /// `path` is relative and `/`-separated.
        public init(_ path: String) {
            segments = Array(path.unicodeScalars).split(separator: "/")
        }
    }

    public static func == (a: ContentGlob, b: ContentGlob) -> Bool { a.pattern == b.pattern }

    /// The patterns Docusaurus leaves out of a docs folder by default (partials, tests).
    public static let defaultExcludes = ["**/_*.{js,jsx,ts,tsx,md,mdx}", "**/_*/**", "**/*.test.*", "**/__tests__/**"]
    /// Docusaurus's default `include`: every Markdown and MDX file.
    public static let defaultIncludes = ["**/*.{md,mdx}"]

    public init(_ pattern: String) throws(Problem) {
        self.pattern = pattern
        guard !pattern.isEmpty else { throw Problem(message: "an empty glob matches nothing") }
        var trimmed = pattern
        // `./docs/**` and `/x` mean the same as `docs/**` and `x`: paths are relative to the folder.
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        let expanded = try Self.expandBraces(trimmed)
        for alternative in expanded {
            var depth = 0
            for c in alternative {
                if c == "[" { depth += 1 } else if c == "]" { depth = max(0, depth - 1) }
            }
            if depth > 0 { throw Problem(message: "'\(pattern)' has a '[' without its ']'") }
        }
        alternatives = expanded.map { $0.unicodeScalars.split(separator: "/").map(Array.init) }
    }

    /// True when `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        matches(Path(path))
    }

    /// True when `path` matches.
    public func matches(_ path: Path) -> Bool {
        alternatives.contains { Self.match($0[...], path.segments[...]) }
    }

    /// True when a folder at `path` is excluded as a whole: an alternative ending in `/**`
    /// matches it, so nothing under it can be a page (the scan need not enter it).
    public func matchesFolder(_ path: String) -> Bool {
        let path = Path(path)
        return alternatives.contains {
            $0.last == Self.anyFolders && Self.match($0.dropLast()[...], path.segments[...])
        }
    }

    private static func match(
        _ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<ArraySlice<Unicode.Scalar>>
    ) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == anyFolders {
            let rest = pattern.dropFirst()
            // A trailing `**` stands for what is inside a folder: a file of that name is not.
            if rest.isEmpty { return !path.isEmpty }
            // With no other `**` after it, each segment of the rest takes exactly one name, so
            // only the tail of that many names can match (`**/*.md` asks the last name alone);
            // trying every tail matched the rest against each folder of every file's path.
            if !rest.contains(anyFolders) {
                return path.count >= rest.count && match(rest, path.suffix(rest.count))
            }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let name = path.first, matchName(first[...], name[...]) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// One name against one segment of the pattern (no `/` in either).
    private static func matchName(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*":
            var tail = s
            while true {
                if matchName(p.dropFirst(), tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case "?":
            return !s.isEmpty && matchName(p.dropFirst(), s.dropFirst())
        case "[":
            guard let close = p.dropFirst().firstIndex(of: "]"), let ch = s.first else { return false }
            var set = p[(p.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var i = set.startIndex
            while i < set.endIndex {
                if i + 2 < set.endIndex, set[i + 1] == "-" {
                    if set[i].value <= ch.value, ch.value <= set[i + 2].value { found = true }
                    i += 3
                } else {
                    if set[i] == ch { found = true }
                    i += 1
                }
            }
            return found != negated && matchName(p[(close + 1)...], s.dropFirst())
        case "\\" where p.count > 1:
            return s.first == p[p.startIndex + 1] && matchName(p.dropFirst(2), s.dropFirst())
        default:
            return s.first == c && matchName(p.dropFirst(), s.dropFirst())
        }
    }

    /// `a{b,c}d` → `abd`, `acd`; nested groups expand too.
    private static func expandBraces(_ text: String) throws(Problem) -> [String] {
        let chars = Array(text)
        guard let open = chars.firstIndex(of: "{") else {
            if chars.contains("}") { throw Problem(message: "'\(text)' has a '}' without its '{'") }
            return [text]
        }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<chars.count {
            if chars[i] == "{" { depth += 1 }
            if chars[i] == "}" {
                depth -= 1
                if depth == 0 { close = i; break }
            }
            if chars[i] == ",", depth == 1 { commas.append(i) }
        }
        guard let close else { throw Problem(message: "'\(text)' has a '{' without its '}'") }
        let prefix = String(chars[..<open])
        let suffix = String(chars[(close + 1)...])
        var bounds = [open] + commas + [close]
        var results: [String] = []
        for k in 0..<(bounds.count - 1) {
            let part = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
            results += try expandBraces(prefix + part + suffix)
        }
        bounds.removeAll()
        return results
    }
}
