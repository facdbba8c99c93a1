import DocketDiagnostics
import DocketYAML

/// A folder's `_category_.json` / `.yml` / `.yaml` settings.
public struct CategoryMetadata: Sendable {
    public var label: String?
    public var position: Double?
    public var collapsed: Bool?
    public var collapsible: Bool?
    public var className: String?
    public var description: String?
    public var key: String?
    /// `customProps`: handed to the theme with the category.
    public var customProps: CustomProps?
    /// nil when the file says nothing about `link` (the index-doc convention applies).
    public var link: CategoryLink?
    public var location: SourceLocation

    /// The keys of a category file (Docusaurus's schema), in the order "allowed:" lists them.
    private struct Fields: Decodable {
        var label: String?
        var position: Located<Double>?
        var collapsed: Bool?
        var collapsible: Bool?
        var className: String?
        var description: String?
        var key: String?
        var link: YAMLNode?
        var customProps: YAMLNode?
    }

    /// Reads one category file; `path` names it in diagnostics.
    public static func parse(_ text: String, path: String) -> (CategoryMetadata?, Diagnostics) {
        var metadata = CategoryMetadata(location: SourceLocation(path: path, line: 1, column: 1))
        let document: YAMLDocument
        let root: YAMLNode
        do {
            document = try YAMLDocument(text, path: path, problem: "invalid category file")
            guard
                let mapping = try document.mapping(or: { _ in
                    "a category file must hold a mapping (label, position, link…)"
                })
            else {
                return (metadata, Diagnostics())
            }
            root = mapping
        } catch {
            return (nil, Diagnostics([.error(at: error.location, error.message)]))
        }
        var r = YAMLReader(document)
        let (decoded, unknown) = r.decode(Fields.self, from: root)
        UnknownKeyWording.categoryFile.report(unknown, &r)
        guard let f = decoded else { return (metadata, r.diagnostics) }
        metadata.label = f.label
        metadata.position = f.position.flatMap { r.bounded($0, "position") }
        metadata.collapsed = f.collapsed
        metadata.collapsible = f.collapsible
        metadata.className = f.className
        metadata.description = f.description
        metadata.key = f.key
        metadata.link = f.link.flatMap { r.categoryLink($0, wording: .categoryFile) }
        metadata.customProps = f.customProps.flatMap { r.customProps($0, "customProps") }
        return (metadata, r.diagnostics)
    }
}
