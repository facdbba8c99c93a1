/// The Docusaurus theme components docket renders itself, by the module they are imported from.
public enum MDXComponent: String, Sendable, CaseIterable {
    case tabs = "Tabs"
    case tabItem = "TabItem"
    case docCardList = "DocCardList"
    case docCard = "DocCard"
    case details = "Details"
    case admonition = "Admonition"
    case codeBlock = "CodeBlock"
    case tocInline = "TOCInline"

    /// The module a site imports the component from (`@theme/Tabs`).
    public var module: String { "@theme/" + rawValue }

    /// The component a module's default export is, for `import X from '@theme/…'`.
    public static func imported(from module: String) -> MDXComponent? {
        allCases.first { $0.module == module }
    }

    /// Modules whose named exports pages use together with the components
    /// (`useCurrentSidebarCategory` for `<DocCardList items={…}/>`): importing them is fine.
    public static let helperModules: Set<String> = [
        "@docusaurus/theme-common", "@docusaurus/plugin-content-docs/client", "@docusaurus/theme-common/internal",
    ]
}

extension MarkdownNode {
    /// True when the tree holds the component anywhere (the theme loads `tabs.js` only for pages
    /// with tabs, and reads the sidebar only for pages with a `<DocCardList/>`).
    public func contains(component: MDXComponent) -> Bool {
        if case .mdx(let element) = kind, element.component == component { return true }
        guard !isInline else { return false }
        // Children borrowed from the array: the theme asks this of every page, and a for-in
        // loop copied each block it passed.
        return children.withUnsafeBufferPointer { children in
            for index in children.indices where !children[index].isInline {
                if children[index].contains(component: component) { return true }
            }
            return false
        }
    }
}
