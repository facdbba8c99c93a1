/// The languages the highlighter knows, and the names a fence may use for each.
public enum Language: String, CaseIterable, Sendable {
    case bash, console, yaml, json, toml, ini, dockerfile, caddyfile, nginx
    case python, go, javascript, typescript, swift, rust, sql, diff, html, xml, css, protobuf, markdown

    /// The fence names that select this language (lowercase; the canonical name first).
    public var aliases: [String] {
        switch self {
        case .bash: return ["bash", "sh", "shell", "zsh", "ksh"]
        case .console: return ["console", "shell-session", "shellsession", "terminal"]
        case .yaml: return ["yaml", "yml"]
        case .json: return ["json", "jsonc", "json5"]
        case .toml: return ["toml"]
        case .ini: return ["ini", "env", "dotenv", "properties", "cfg", "conf"]
        case .dockerfile: return ["dockerfile", "docker", "containerfile"]
        case .caddyfile: return ["caddyfile", "caddy"]
        case .nginx: return ["nginx"]
        case .python: return ["python", "py", "python3"]
        case .go: return ["go", "golang"]
        case .javascript: return ["javascript", "js", "jsx", "mjs", "cjs"]
        case .typescript: return ["typescript", "ts", "tsx", "mts", "cts"]
        case .swift: return ["swift"]
        case .rust: return ["rust", "rs"]
        case .sql: return ["sql", "postgresql", "postgres", "pgsql", "plpgsql", "mysql", "sqlite", "plsql"]
        case .diff: return ["diff", "patch", "udiff"]
        case .html: return ["html", "htm", "xhtml", "vue", "svelte"]
        case .xml: return ["xml", "svg", "xsd", "xsl", "plist", "rss", "atom"]
        case .css: return ["css"]
        case .protobuf: return ["protobuf", "proto", "proto3"]
        case .markdown: return ["markdown", "md", "mdx"]
        }
    }

    private static let byAlias: [String: Language] = {
        var table: [String: Language] = [:]
        for language in allCases {
            for alias in language.aliases { table[alias] = language }
        }
        return table
    }()

    /// The language a fence names, ignoring case (`Dockerfile`, `YAML`); nil when unknown.
    public init?(fenceName: String) {
        guard let language = Self.byAlias[fenceName.lowercased()] else { return nil }
        self = language
    }
}
