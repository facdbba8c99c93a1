extension MarkdownNode {
    /// The index of the top-level H1 that is the page's content title: the first heading of the
    /// document, before any thematic break, when it has depth 1 (Docusaurus's `contentTitle`).
    public var contentTitleIndex: Int? {
        for (index, child) in children.enumerated() {
            switch child.kind {
            case .thematicBreak: return nil
            case .heading(_, let level): return level == 1 ? index : nil
            default: continue
            }
        }
        return nil
    }
}
