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
        let expanded = try Self.expandBraces(trimmed, of: pattern)
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
        alternatives.contains { Self.match($0, 0, $0.count, path.segments, 0) }
    }

    /// True when a folder at `path` is excluded as a whole: an alternative ending in `/**`
    /// matches it, so nothing under it can be a page (the scan need not enter it).
    public func matchesFolder(_ path: String) -> Bool {
        let path = Path(path)
        return alternatives.contains {
            $0.last.map(Self.isAnyFolders) == true && Self.match($0, 0, $0.count - 1, path.segments, 0)
        }
    }

    private static func isAnyFolders(_ segment: [Unicode.Scalar]) -> Bool {
        segment.count == 2 && segment[0] == "*" && segment[1] == "*"
    }

    /// The pattern's segments `from..<end` against the path's names from `name` on. By index:
    /// slicing both at every step was most of the time of a match.
    private static func match(
        _ pattern: [[Unicode.Scalar]], _ from: Int, _ end: Int, _ path: [ArraySlice<Unicode.Scalar>], _ name: Int
    ) -> Bool {
        guard from < end else { return name == path.count }
        if isAnyFolders(pattern[from]) {
            let rest = from + 1
            // A trailing `**` stands for what is inside a folder: a file of that name is not.
            if rest == end { return name < path.count }
            // With no other `**` after it, each segment of the rest takes exactly one name, so
            // only the tail of that many names can match (`**/*.md` asks the last name alone);
            // trying every tail matched the rest against each folder of every file's path.
            if !pattern[rest..<end].contains(where: isAnyFolders) {
                let count = end - rest
                return path.count - name >= count && match(pattern, rest, end, path, path.count - count)
            }
            // Another `**` before the end: each would try every number of names in turn.
            if pattern[rest..<(end - 1)].contains(where: isAnyFolders) {
                return matchByTable(pattern, from, end, path, name)
            }
            for tail in name...path.count where match(pattern, rest, end, path, tail) { return true }
            return false
        }
        guard name < path.count, matchName(pattern[from][...], path[name]) else { return false }
        return match(pattern, from + 1, end, path, name + 1)
    }

    /// `match` for segments with two `**` or more before the end: whether the segments from
    /// each one on match the names from each name on, worked out once each, from the last
    /// segment back. Trying every split of the names among the `**`s took depth^k tries: ten of
    /// them against a path thirty folders deep would never finish.
    private static func matchByTable(
        _ pattern: [[Unicode.Scalar]], _ from: Int, _ end: Int, _ path: [ArraySlice<Unicode.Scalar>], _ name: Int
    ) -> Bool {
        // Column j stands for the names from `name + j` on; the last column for none.
        let width = path.count - name + 1
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * width) { rows in
            var after = UnsafeMutableBufferPointer(rebasing: rows[0..<width])
            var here = UnsafeMutableBufferPointer(rebasing: rows[width..<(2 * width)])
            // Past the last segment, only the end of the path matches.
            for j in 0..<width { after[j] = j == width - 1 }
            for segment in stride(from: end - 1, through: from, by: -1) {
                if !isAnyFolders(pattern[segment]) {
                    here[width - 1] = false
                    for j in 0..<(width - 1) {
                        here[j] = after[j + 1] && matchName(pattern[segment][...], path[name + j])
                    }
                } else if segment == end - 1 {
                    // A trailing `**`: at least one name (what is inside a folder).
                    for j in 0..<width { here[j] = j < width - 1 }
                } else {
                    // No name, or one name and the same `**` again.
                    here[width - 1] = after[width - 1]
                    for j in stride(from: width - 2, through: 0, by: -1) { here[j] = after[j] || here[j + 1] }
                }
                swap(&after, &here)
            }
            return after[0]
        }
    }

    /// One name against one segment of the pattern (no `/` in either).
    ///
    /// Left to right, going back only to the last `*`: every token but `*` takes exactly one
    /// character, so when a token fails, only the last `*` need take one more character (the
    /// classic wildcard match; at most name length x pattern length steps).
    /// Trying each tail of the name for each `*`, recursively and a slice at a time, was 2,000
    /// instructions a glob and file, most of the scan of a content folder before any page is read.
    private static func matchName(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex
        var si = s.startIndex
        // After the last `*` seen: where the pattern goes on, and where in the name its match ends.
        var resume: Int?
        var starEnd = s.startIndex
        while si < s.endIndex {
            if pi < p.endIndex {
                if p[pi] == "*" {
                    pi += 1
                    resume = pi
                    starEnd = si
                    continue
                }
                if let next = token(p, at: pi, matches: s[si]) {
                    pi = next
                    si += 1
                    continue
                }
            }
            guard let resume else { return false }
            starEnd += 1
            si = starEnd
            pi = resume
        }
        while pi < p.endIndex && p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }

    /// Where the pattern goes on when its token at `i` (not `*`) matches `c`; nil when it does not.
    private static func token(_ p: ArraySlice<Unicode.Scalar>, at i: Int, matches c: Unicode.Scalar) -> Int? {
        switch p[i] {
        case "?":
            return i + 1
        case "[":
            guard let close = p[(i + 1)...].firstIndex(of: "]") else { return nil }
            var set = p[(i + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var k = set.startIndex
            while k < set.endIndex {
                if k + 2 < set.endIndex, set[k + 1] == "-" {
                    if set[k].value <= c.value, c.value <= set[k + 2].value { found = true }
                    k += 3
                } else {
                    if set[k] == c { found = true }
                    k += 1
                }
            }
            return found != negated ? close + 1 : nil
        case "\\" where i + 1 < p.endIndex:
            return p[i + 1] == c ? i + 2 : nil
        case let literal:
            return literal == c ? i + 1 : nil
        }
    }

    /// The most patterns one glob may expand to. Each `{a,b}` doubles them: without a limit, a
    /// glob of two dozen such groups in docket.yml held a build at the content scan (16 million
    /// patterns, still growing after 20 s and 480 MB).
    private static let maxAlternatives = 1_024

    /// `a{b,c}d` → `abd`, `acd`; nested groups expand too. `pattern` is the glob as written, for
    /// the message when there are more than `maxAlternatives`.
    private static func expandBraces(_ text: String, of pattern: String) throws(Problem) -> [String] {
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
            results += try expandBraces(prefix + part + suffix, of: pattern)
            if results.count > maxAlternatives {
                throw Problem(
                    message: "'\(pattern)' expands to more than \(maxAlternatives) patterns (each {a,b} doubles them)")
            }
        }
        bounds.removeAll()
        return results
    }
}
