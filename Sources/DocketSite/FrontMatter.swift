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
    /// The whole front matter, for fields other stages read (`runbook:`) and keys docket does
    /// not know; nil when every key is one of the fields above.
    public var raw: YAMLNode?
    /// Lines before the YAML text in the file (`FrontMatterSplit.yamlLineOffset`): every position
    /// of the front matter, the runbook block's included, is shifted by it in `YAMLDocument`.
    public private(set) var lineOffset = FrontMatterSplit.yamlLineOffset
    /// Where each key's value sits, for later diagnostics (pagination targets and the like).
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    /// The keys docket reads, as the YAML decoder sees them; the order is the order of "did you
    /// mean" candidates. `runbook` is read by the runbook extractor, `format` only warned about.
    private struct Fields: Decodable {
        var id: Located<String>?
        var title: String?
        var sidebarLabel: String?
        var sidebarPosition: Located<Double>?
        var sidebarClassName: String?
        var sidebarCustomProps: YAMLNode?
        var sidebarKey: String?
        var displayedSidebar: YAMLNullable<String>?
        var slug: String?
        var description: String?
        var keywords: StringList?
        var image: String?
        var hideTitle: Bool?
        var hideTableOfContents: Bool?
        var tocMinHeadingLevel: YAMLNode?
        var tocMaxHeadingLevel: YAMLNode?
        var paginationPrev: YAMLNullable<String>?
        var paginationNext: YAMLNullable<String>?
        var paginationLabel: String?
        var draft: Bool?
        var unlisted: Bool?
        var tags: YAMLNode?
        var customEditUrl: YAMLNullable<String>?
        var parseNumberPrefixes: Bool?
        var lastUpdate: YAMLNode?
        var runbook: YAMLNode?

        enum CodingKeys: String, CodingKey {
            case id, title
            case sidebarLabel = "sidebar_label"
            case sidebarPosition = "sidebar_position"
            case sidebarClassName = "sidebar_class_name"
            case sidebarCustomProps = "sidebar_custom_props"
            case sidebarKey = "sidebar_key"
            case displayedSidebar = "displayed_sidebar"
            case slug, description, keywords, image
            case hideTitle = "hide_title"
            case hideTableOfContents = "hide_table_of_contents"
            case tocMinHeadingLevel = "toc_min_heading_level"
            case tocMaxHeadingLevel = "toc_max_heading_level"
            case paginationPrev = "pagination_prev"
            case paginationNext = "pagination_next"
            case paginationLabel = "pagination_label"
            case draft, unlisted, tags
            case customEditUrl = "custom_edit_url"
            case parseNumberPrefixes = "parse_number_prefixes"
            case lastUpdate = "last_update"
            case runbook
        }
    }

    /// `last_update:`.
    private struct LastUpdateFields: Decodable {
        var date: Located<String>?
        var author: String?
    }

    /// Reads the YAML text of a page's front matter; problems are located in `path`, whose
    /// first `lineOffset` lines precede the YAML text.
    public static func parse(_ yaml: String?, path: String, lineOffset: Int = FrontMatterSplit.yamlLineOffset) -> (
        FrontMatter, Diagnostics
    ) {
        var fm = FrontMatter()
        fm.lineOffset = lineOffset
        guard let yaml else { return (fm, Diagnostics()) }
        let document: YAMLDocument
        let root: YAMLNode
        do {
            document = try YAMLDocument(yaml, path: path, lineOffset: lineOffset, problem: "invalid front matter")
            guard
                let mapping = try document.mapping(or: { "front matter must be a mapping of keys to values, not \($0)" }
                )
            else {
                return (fm, Diagnostics())
            }
            root = mapping
        } catch {
            return (fm, Diagnostics([.error(at: error.location, error.message)]))
        }
        fm.raw = root
        var r = YAMLReader(document)
        for pair in root.mapping ?? [] {
            if let key = pair.key.string { fm.locations[key] = r.location(pair.value) }
        }
        let (decoded, unknown) = r.decode(Fields.self, from: root)
        guard let f = decoded else { return (fm, r.diagnostics) }
        // Every key was read into a field above, and none is read from `raw` later: a page
        // keeps its front matter's tree only for a runbook block or keys docket does not know
        // (a parsed page is held until the build ends; the project's 10,000-page benchmark
        // corpus peaked 6 MiB lower of 349).
        if root["runbook"] == nil && unknown.isEmpty { fm.raw = nil }
        if let id = f.id {
            if id.value.contains("/") {
                r.fail(id.node, "Document id \"\(id.value)\" cannot include slash.")
            } else {
                fm.id = id.value
            }
        }
        fm.title = f.title
        fm.sidebarLabel = f.sidebarLabel
        fm.sidebarPosition = f.sidebarPosition.flatMap { r.bounded($0, "sidebar_position") }
        fm.sidebarClassName = f.sidebarClassName
        fm.sidebarCustomProps = f.sidebarCustomProps.flatMap { r.customProps($0, "sidebar_custom_props") }
        fm.sidebarKey = f.sidebarKey
        fm.displayedSidebar = f.displayedSidebar.map(\.value)
        fm.slug = f.slug
        fm.description = f.description
        fm.keywords = f.keywords?.items ?? []
        fm.image = f.image
        fm.hideTitle = f.hideTitle ?? false
        fm.hideTableOfContents = f.hideTableOfContents ?? false
        fm.tocMinLevel = f.tocMinHeadingLevel.flatMap { r.level($0, "toc_min_heading_level") }
        fm.tocMaxLevel = f.tocMaxHeadingLevel.flatMap { r.level($0, "toc_max_heading_level") }
        fm.paginationPrev = pagination(f.paginationPrev)
        fm.paginationNext = pagination(f.paginationNext)
        fm.paginationLabel = f.paginationLabel
        fm.draft = f.draft ?? false
        fm.unlisted = f.unlisted ?? false
        fm.tags = f.tags.map { tags($0, reader: &r) } ?? []
        fm.customEditURL = f.customEditUrl.map(\.value)
        fm.parseNumberPrefixes = f.parseNumberPrefixes ?? true
        fm.lastUpdate = f.lastUpdate.flatMap { lastUpdate($0, reader: &r) }
        for key in unknown {
            if let reason = ignoredKeys[key.key] {
                r.diagnostics.warning(at: key.location, "front-matter key '\(key.key)' is ignored: \(reason)")
            } else if let near = Suggestion.closest(to: key.key, in: key.known + ignoredKeys.keys.sorted()) {
                // Custom keys are allowed (as in Docusaurus); only a likely typo of a known key warns.
                r.diagnostics.warning(
                    at: key.location, "unknown front-matter key '\(key.key)' (did you mean '\(near)'?)")
            }
        }
        if let min = fm.tocMinLevel, let max = fm.tocMaxLevel, min > max,
            let location = fm.locations["toc_min_heading_level"]
        {
            r.diagnostics.error(
                at: location, "toc_min_heading_level (\(min)) must not be greater than toc_max_heading_level (\(max))")
        }
        if fm.draft && fm.unlisted, let location = fm.locations["unlisted"] {
            r.diagnostics.error(at: location, "a page cannot be both draft and unlisted: remove one of the two")
        }
        return (fm, r.diagnostics)
    }

    private static func pagination(_ value: YAMLNullable<String>?) -> Pagination {
        switch value {
        case nil: return .automatic
        case .null?: return .disabled
        case .value(let id)?: return .doc(id)
        }
    }

    /// Docusaurus doc front-matter keys docket reads but does not act on, with the reason given in the warning.
    static let ignoredKeys: [String: String] = [
        "format": "every page is parsed as Markdown with MDX syntax accepted"
    ]

    private static func lastUpdate(_ node: YAMLNode, reader: inout YAMLReader) -> LastUpdate? {
        guard node.mapping != nil else {
            reader.fail(node, "'last_update' must be a mapping with 'date' and/or 'author'")
            return nil
        }
        let (decoded, unknown) = reader.decode(LastUpdateFields.self, from: node, at: ["last_update"])
        UnknownKeyWording.frontMatter.report(unknown, &reader)
        var result = LastUpdate()
        if let date = decoded?.date {
            if let time = LastUpdate.parse(date.value) {
                result.time = time
            } else {
                reader.fail(
                    date.node,
                    "'last_update.date' must be a date like 2024-05-31 or 2024-05-31T12:00:00Z, not '\(date.value)'")
            }
        }
        result.author = decoded?.author
        return result
    }

    private static func tags(_ node: YAMLNode, reader: inout YAMLReader) -> [Tag] {
        guard let items = node.sequence else {
            reader.fail(node, "'tags' must be a list")
            return []
        }
        var result: [Tag] = []
        for item in items {
            if let label = item.string {
                result.append(Tag(label: label, permalink: kebabCase(label)))
            } else if item.mapping != nil, let fields = tagFields(item, &reader), let label = fields.label {
                let permalink = fields.permalink.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
                result.append(Tag(label: label, permalink: permalink ?? kebabCase(label)))
            } else {
                reader.fail(item, "a tag must be a string or {label, permalink}")
            }
        }
        return result
    }

    /// `{label, permalink}`.
    private struct TagFields: Decodable {
        var label: String?
        var permalink: String?
    }

    private static func tagFields(_ item: YAMLNode, _ reader: inout YAMLReader) -> TagFields? {
        let (decoded, unknown) = reader.decode(TagFields.self, from: item, at: ["tags"])
        UnknownKeyWording.frontMatter.report(unknown, &reader)
        return decoded
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
