import DocketDiagnostics

/// The rules Docusaurus's theme components enforce, checked on the folded tree: a `<Tabs>` holds
/// only `<TabItem>`s, each with a unique `value`; a `<TabItem>` is inside a `<Tabs>`; props
/// docket must evaluate are literals (or the one expression each component is used with).
enum MDXComponentCheck {
    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        visit(root, parent: nil, path: path, found: &found)
        return found
    }

    private static func visit(_ node: MarkdownNode, parent: MDXComponent?, path: String, found: inout [Diagnostic]) {
        var component: MDXComponent?
        if case .mdx(let element) = node.kind {
            component = element.component
            let here = SourceLocation(path: path, line: element.line, column: element.column)
            func error(_ message: String, code: String = "mdx.syntax", at location: SourceLocation? = nil) {
                found.append(Diagnostic(.error, at: location ?? here, message, code: code))
            }
            switch element.component {
            case .tabs:
                tabs(node, element, path: path, found: &found)
            case .tabItem:
                if parent != .tabs { error("<TabItem> must be a direct child of <Tabs>") }
            case .docCardList:
                if let items = element.attribute("items") {
                    guard case .expression(let source) = items.value, isCurrentCategory(source) else {
                        error(
                            "docket cannot evaluate this 'items' of <DocCardList>: only items={useCurrentSidebarCategory().items} (the default) is supported",
                            code: "mdx.unsupported",
                            at: SourceLocation(path: path, line: items.line, column: items.column))
                        break
                    }
                }
            case .docCard:
                let item = element.attribute("item")
                if case .expression(let source)? = item?.value, let literal = MDXLiteral.parse(source),
                    literal["href"]?.stringValue != nil, literal["label"]?.stringValue != nil
                {
                    break
                }
                error(
                    "docket cannot evaluate this 'item' of <DocCard>: write an object literal with 'href' and 'label' (and 'description')",
                    code: "mdx.unsupported",
                    at: item.map { SourceLocation(path: path, line: $0.line, column: $0.column) })
            case .tocInline:
                if let toc = element.attribute("toc"), case .expression(let source) = toc.value,
                    source.trimmingWhitespace == "toc"
                {
                } else {
                    error("<TOCInline> lists the page's headings: write toc={toc}", code: "mdx.unsupported")
                }
                for name in ["minHeadingLevel", "maxHeadingLevel"] {
                    guard let attribute = element.attribute(name) else { continue }
                    if case .expression(let source) = attribute.value,
                        case .number(let level)? = MDXLiteral.parse(source), (2...6).contains(level)
                    {
                        continue
                    }
                    error(
                        "'\(name)' of <TOCInline> must be a number from 2 to 6, such as {3}",
                        at: SourceLocation(path: path, line: attribute.line, column: attribute.column))
                }
            default:
                break
            }
        }
        guard !node.isInline else { return }
        for child in node.children { visit(child, parent: component, path: path, found: &found) }
    }

    static func isCurrentCategory(_ source: String) -> Bool {
        source.filter { !$0.isWhitespace } == "useCurrentSidebarCategory().items"
    }

    private static func tabs(_ node: MarkdownNode, _ element: MDXElement, path: String, found: inout [Diagnostic]) {
        let here = SourceLocation(path: path, line: element.line, column: element.column)
        var values: [(value: String, location: SourceLocation)] = []
        for child in node.children {
            if case .mdx(let item) = child.kind, item.component == .tabItem {
                let location = SourceLocation(path: path, line: item.line, column: item.column)
                guard let value = item.string("value") else {
                    found.append(
                        Diagnostic(
                            .error, at: location,
                            "<TabItem> needs a 'value' (a string): Docusaurus requires one on every tab",
                            code: "mdx.syntax"))
                    continue
                }
                values.append((value, location))
                continue
            }
            if case .text(let text) = child.kind, text.trimmingWhitespace.isEmpty { continue }
            let location =
                child.range.isKnown
                ? SourceLocation(path: path, line: child.range.startLine, column: child.range.startColumn) : here
            found.append(
                Diagnostic(.error, at: location, "only <TabItem> elements may be inside <Tabs>", code: "mdx.syntax"))
        }
        if let attribute = element.attribute("values") {
            let location = SourceLocation(path: path, line: attribute.line, column: attribute.column)
            if case .expression(let source) = attribute.value, case .array(let items)? = MDXLiteral.parse(source),
                items.allSatisfy({ $0["value"]?.stringValue != nil })
            {
                let declared = Set(items.compactMap { $0["value"]?.stringValue })
                for value in values where !declared.contains(value.value) {
                    found.append(
                        Diagnostic(
                            .error, at: value.location,
                            "the <TabItem> value \"\(value.value)\" is not in the 'values' of its <Tabs>",
                            code: "mdx.syntax"))
                }
            } else {
                found.append(
                    Diagnostic(
                        .error, at: location,
                        "docket cannot evaluate these 'values': write an array literal of {label, value} objects",
                        code: "mdx.unsupported"))
            }
        }
        var seen: [String: SourceLocation] = [:]
        for value in values {
            if let first = seen[value.value] {
                found.append(
                    Diagnostic(
                        .error, at: value.location,
                        "duplicate <TabItem> value \"\(value.value)\" in this <Tabs> (first at line \(first.line)): every value must be unique",
                        code: "mdx.syntax"))
            } else {
                seen[value.value] = value.location
            }
        }
        if let attribute = element.attribute("queryString"), element.string("groupId") == nil {
            var isTrue = false
            if case .present = attribute.value { isTrue = true }
            if case .expression(let source) = attribute.value, MDXLiteral.parse(source) == .bool(true) { isTrue = true }
            if isTrue {
                found.append(
                    Diagnostic(
                        .error, at: SourceLocation(path: path, line: attribute.line, column: attribute.column),
                        "queryString without a value names the URL parameter after groupId, and this <Tabs> has none: add groupId or write queryString=\"key\"",
                        code: "mdx.syntax"))
            }
        }
        if let defaultValue = element.string("defaultValue"), !values.isEmpty, seen[defaultValue] == nil {
            let location =
                element.attribute("defaultValue").map { SourceLocation(path: path, line: $0.line, column: $0.column) }
                ?? here
            found.append(
                Diagnostic(
                    .error, at: location,
                    "defaultValue \"\(defaultValue)\" is none of the tab values (\(values.map(\.value).joined(separator: ", ")))",
                    code: "mdx.syntax"))
        }
    }
}
