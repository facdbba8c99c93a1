import DocketDiagnostics
import DocketYAML

/// The Docusaurus front-matter fields docket understands, read and validated once per page.
/// Unknown keys are kept in `raw` (the runbook block is one).
public struct FrontMatter: Sendable {
    /// A pagination override: absent, explicitly `null` (no link), or a doc id.
    public enum Pagination: Sendable, Equatable {
        case automatic
        case disabled
        case doc(String)
    }

    /// A tag: inline strings get a kebab-cased permalink.
    public struct Tag: Sendable, Equatable {
        public var label: String
        public var permalink: String
    }

    public var id: String?
    public var title: String?
    public var sidebarLabel: String?
    public var sidebarPosition: Double?
    public var sidebarClassName: String?
    /// `sidebar_custom_props`: handed to the theme with the page's sidebar item.
    public var sidebarCustomProps: CustomProps?
    /// `sidebar_key`: the key of the page's sidebar item.
    public var sidebarKey: String?
    /// `displayed_sidebar`: nil follows the sidebars; `.some(nil)` (`null`) shows none; a name
    /// must be one of the site's sidebars.
    public var displayedSidebar: String??
    public var slug: String?
    public var description: String?
    public var keywords: [String] = []
    public var image: String?
    public var hideTitle = false
    public var hideTableOfContents = false
    public var tocMinLevel: Int?
    public var tocMaxLevel: Int?
    public var paginationPrev = Pagination.automatic
    public var paginationNext = Pagination.automatic
    public var paginationLabel: String?
    public var draft = false
    public var unlisted = false
    public var tags: [Tag] = []
    /// nil: default edit URL; `.some(nil)`: hidden (`custom_edit_url: null`).
    public var customEditURL: String??
    public var parseNumberPrefixes = true
    /// `last_update: {date, author}`: overrides what git says (shown only when the site turns it on).
    public var lastUpdate: LastUpdate?
    /// The whole front matter, for fields other stages read (`runbook:`).
    public var raw: YAMLNode?
    /// Lines before the YAML text in the file (1: the opening `---`).
    public var lineOffset = 1
    /// Where each key's value sits, for later diagnostics (pagination targets and the like).
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    /// Reads the YAML text of a page's front matter; problems are located in `path`.
    public static func parse(_ yaml: String?, path: String) -> (FrontMatter, Diagnostics) {
        var fm = FrontMatter()
        var diagnostics = Diagnostics()
        guard let yaml else { return (fm, diagnostics) }
        let root: YAMLNode
        do {
            guard let parsed = try YAMLParser.parse(yaml) else { return (fm, diagnostics) }
            root = parsed
        } catch {
            diagnostics.error(at: SourceLocation(path: path, line: error.line + 1, column: error.column),
                              "invalid front matter: \(error.message(lineOffset: 1))")
            return (fm, diagnostics)
        }
        guard let pairs = root.mapping else {
            diagnostics.error(at: SourceLocation(path: path, line: root.line + 1, column: root.column),
                              "front matter must be a mapping of keys to values, not \(root.kindDescription)")
            return (fm, diagnostics)
        }
        fm.raw = root
        var r = YAMLFieldReader(path: path, lineOffset: 1)
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            fm.locations[key] = r.location(v)
            switch key {
            case "id":
                fm.id = r.string(v, key)
                if let id = fm.id, id.contains("/") {
                    r.fail(v, "Document id \"\(id)\" cannot include slash.")
                    fm.id = nil
                }
            case "title": fm.title = r.string(v, key)
            case "sidebar_label": fm.sidebarLabel = r.string(v, key)
            case "sidebar_position": fm.sidebarPosition = v.isNull ? nil : r.number(v, key)
            case "sidebar_class_name": fm.sidebarClassName = r.string(v, key)
            case "sidebar_custom_props": fm.sidebarCustomProps = r.customProps(v, key)
            case "sidebar_key": fm.sidebarKey = r.string(v, key)
            case "displayed_sidebar": fm.displayedSidebar = v.isNull ? .some(nil) : r.string(v, key).map { .some($0) }
            case "slug":
                fm.slug = r.string(v, key)
            case "description": fm.description = r.string(v, key)
            case "keywords": fm.keywords = r.stringList(v, key) ?? []
            case "image": fm.image = r.string(v, key)
            case "hide_title": fm.hideTitle = r.bool(v, key) ?? false
            case "hide_table_of_contents": fm.hideTableOfContents = r.bool(v, key) ?? false
            case "toc_min_heading_level": fm.tocMinLevel = r.level(v, key)
            case "toc_max_heading_level": fm.tocMaxLevel = r.level(v, key)
            case "pagination_prev": fm.paginationPrev = v.isNull ? .disabled : r.string(v, key).map(Pagination.doc) ?? .automatic
            case "pagination_next": fm.paginationNext = v.isNull ? .disabled : r.string(v, key).map(Pagination.doc) ?? .automatic
            case "pagination_label": fm.paginationLabel = r.string(v, key)
            case "draft": fm.draft = r.bool(v, key) ?? false
            case "unlisted": fm.unlisted = r.bool(v, key) ?? false
            case "tags": fm.tags = tags(v, reader: &r)
            case "custom_edit_url": fm.customEditURL = v.isNull ? .some(nil) : r.string(v, key).map { .some($0) }
            case "parse_number_prefixes": fm.parseNumberPrefixes = r.bool(v, key) ?? true
            case "last_update": fm.lastUpdate = lastUpdate(v, reader: &r)
            case "runbook": break // read by the runbook extractor
            default:
                if let reason = ignoredKeys[key] {
                    r.diagnostics.warning(at: r.location(pair.key), "front-matter key '\(key)' is ignored: \(reason)")
                } else if let near = Suggestion.closest(to: key, in: knownKeys) {
                    // Custom keys are allowed (as in Docusaurus); only a likely typo of a known key warns.
                    r.diagnostics.warning(at: r.location(pair.key), "unknown front-matter key '\(key)' (did you mean '\(near)'?)")
                }
            }
        }
        if let min = fm.tocMinLevel, let max = fm.tocMaxLevel, min > max, let location = fm.locations["toc_min_heading_level"] {
            r.diagnostics.error(at: location, "toc_min_heading_level (\(min)) must not be greater than toc_max_heading_level (\(max))")
        }
        if fm.draft && fm.unlisted, let location = fm.locations["unlisted"] {
            r.diagnostics.error(at: location, "a page cannot be both draft and unlisted: remove one of the two")
        }
        diagnostics.append(contentsOf: r.diagnostics)
        return (fm, diagnostics)
    }

    /// Docusaurus doc front-matter keys docket reads but does not act on, with the reason given in the warning.
    static let ignoredKeys: [String: String] = [
        "format": "every page is parsed as Markdown with MDX syntax accepted",
    ]

    /// Every key docket honours or knows to ignore, for "did you mean" on a misspelt key.
    static let knownKeys: [String] = [
        "id", "title", "sidebar_label", "sidebar_position", "sidebar_class_name", "sidebar_custom_props", "sidebar_key", "displayed_sidebar", "slug", "description", "keywords",
        "image", "hide_title", "hide_table_of_contents", "toc_min_heading_level", "toc_max_heading_level",
        "pagination_prev", "pagination_next", "pagination_label", "draft", "unlisted", "tags", "custom_edit_url",
        "parse_number_prefixes", "last_update", "runbook",
    ] + ignoredKeys.keys.sorted()

    private static func lastUpdate(_ node: YAMLNode, reader: inout YAMLFieldReader) -> LastUpdate? {
        guard let pairs = node.mapping else {
            reader.fail(node, "'last_update' must be a mapping with 'date' and/or 'author'")
            return nil
        }
        var result = LastUpdate()
        for pair in pairs {
            switch pair.key.string {
            case "date":
                guard let text = reader.string(pair.value, "last_update.date") else { continue }
                guard let time = LastUpdate.parse(text) else {
                    reader.fail(pair.value, "'last_update.date' must be a date like 2024-05-31 or 2024-05-31T12:00:00Z, not '\(text)'")
                    continue
                }
                result.time = time
            case "author": result.author = reader.string(pair.value, "last_update.author")
            default:
                reader.diagnostics.warning(at: reader.location(pair.key),
                                           "unknown key '\(pair.key.string ?? "")' in last_update (it takes 'date' and 'author')")
            }
        }
        return result
    }

    private static func tags(_ node: YAMLNode, reader: inout YAMLFieldReader) -> [Tag] {
        guard let items = node.sequence else {
            reader.fail(node, "'tags' must be a list")
            return []
        }
        var result: [Tag] = []
        for item in items {
            if let label = item.string {
                result.append(Tag(label: label, permalink: kebabCase(label)))
            } else if let label = item["label"]?.string {
                let permalink = item["permalink"]?.string.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
                result.append(Tag(label: label, permalink: permalink ?? kebabCase(label)))
            } else {
                reader.fail(item, "a tag must be a string or {label, permalink}")
            }
        }
        return result
    }

    /// lodash's kebabCase for tag permalinks: words of letters/digits, lowercased, joined by `-`,
    /// with a word break at a lower-to-upper case change (`getStarted` → `get-started`).
    static func kebabCase(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for ch in text {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && previousLower && !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(ch)
                previousLower = ch.isLowercase || ch.isNumber
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "-")
    }
}
