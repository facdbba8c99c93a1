import DocketDiagnostics

/// A page placed in the site: its parsed content plus the id, URL and title Docusaurus would
/// give it.
public struct Page: Sendable {
    public var parsed: ParsedPage
    public var id: String
    /// The raw folder of the source file (`02-guides/advanced`), `.` at the content root.
    public var sourceDirectory: String
    /// The file name with its extension (`01-install.md`): the sidebar's tie-breaker.
    public var fileName: String
    public var slug: String
    public var permalink: String
    public var title: String
    public var sidebarPosition: Double?
    /// True when the file is the folder's index by name (index, README, or the folder's name).
    public var isIndexByName: Bool

    public var source: String { parsed.source }
    public var frontMatter: FrontMatter { parsed.frontMatter }
    public var sidebarLabel: String { frontMatter.sidebarLabel ?? title }
    public var description: String? { frontMatter.description ?? parsed.excerpt }
    public var location: SourceLocation { SourceLocation(path: parsed.displayPath, line: 1, column: 1) }
}
