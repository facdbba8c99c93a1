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

    private static let allowedKeys: Set<String> = [
        "key", "label", "description", "position", "collapsed", "collapsible", "className", "link", "customProps",
    ]

    /// Reads one category file; `path` names it in diagnostics.
    public static func parse(_ text: String, path: String) -> (CategoryMetadata?, Diagnostics) {
        var diagnostics = Diagnostics()
        var metadata = CategoryMetadata(location: SourceLocation(path: path, line: 1, column: 1))
        let root: YAMLNode
        do {
            guard let parsed = try YAMLParser.parse(text) else { return (metadata, diagnostics) }
            root = parsed
        } catch {
            diagnostics.error(at: SourceLocation(path: path, line: error.line, column: error.column), "invalid category file: \(error.message)")
            return (nil, diagnostics)
        }
        var r = YAMLFieldReader(path: path)
        guard let pairs = root.mapping else {
            r.fail(root, "a category file must hold a mapping (label, position, link…)")
            return (nil, r.diagnostics)
        }
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            switch key {
            case "label": metadata.label = r.string(v, key)
            case "position": metadata.position = v.isNull ? nil : r.number(v, key)
            case "collapsed": metadata.collapsed = r.bool(v, key)
            case "collapsible": metadata.collapsible = r.bool(v, key)
            case "className": metadata.className = r.string(v, key)
            case "description": metadata.description = r.string(v, key)
            case "key": metadata.key = r.string(v, key)
            case "link": metadata.link = r.categoryLink(v)
            case "customProps": metadata.customProps = r.customProps(v, key)
            default:
                if !allowedKeys.contains(key) {
                    r.diagnostics.error(at: r.location(pair.key),
                        "the category file looks invalid: unknown key '\(key)' (allowed: \(allowedKeys.sorted().joined(separator: ", ")))")
                }
            }
        }
        return (metadata, r.diagnostics)
    }
}
