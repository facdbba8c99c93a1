/// HTML for `.mdx` nodes: the Docusaurus theme components docket renders itself, and block-level
/// HTML tags whose content is Markdown. Every component works without JavaScript: all tab panels
/// are in the page (the others `hidden`), and `tabs.js` adds switching when it loads.
extension HTMLRenderer {
    func mdx(_ node: MarkdownNode, element: MDXElement, into out: inout HTMLOutput, context: inout Context) {
        switch element.component {
        case .tabs: tabs(node, element, into: &out, context: &context)
        case .tabItem: children(node, into: &out, context: &context)
        case .docCardList: docCardList(element, into: &out)
        case .docCard: docCard(element, into: &out)
        case .details: details(node, element, into: &out, context: &context)
        case .tocInline: tocInline(element, into: &out, context: &context)
        case .admonition, .codeBlock:
            // Folded into a directive and a code block before rendering.
            children(node, into: &out, context: &context)
        case nil where element.name == "details":
            // Docusaurus renders an HTML <details> with its Details component too.
            details(node, element, into: &out, context: &context)
        case nil:
            if element.isComponentName {
                // A component docket cannot render (an error unless the site asks for warnings):
                // its content is all that can be shown.
                children(node, into: &out, context: &context)
            } else {
                html(node, element, into: &out, context: &context)
            }
        }
    }

    private func children(_ node: MarkdownNode, into out: inout HTMLOutput, context: inout Context) {
        node.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in children.indices {
                if children[index].isInline {
                    inline(first + index, into: &out, context: &context)
                } else {
                    block(first + index, into: &out, context: &context, tight: false)
                }
            }
        }
    }

    private func html(_ node: MarkdownNode, _ element: MDXElement, into out: inout HTMLOutput, context: inout Context) {
        out += "<\(element.name)"
        for attribute in element.attributes {
            let name: String
            switch attribute.name {
            case "className": name = "class"
            case "htmlFor": name = "for"
            case "...": continue
            default: name = attribute.name
            }
            switch attribute.value {
            case .present: out += " \(name)"
            case .string(let value): out += " \(name)=\"\(value.htmlEscaped)\""
            case .expression(let source):
                switch MDXLiteral.parse(source) {
                case .string(let value)?: out += " \(name)=\"\(value.htmlEscaped)\""
                case .number(let value)?:
                    out += " \(name)=\"\(value == value.rounded() ? String(Int(value)) : String(value))\""
                case .bool(true)?: out += " \(name)"
                case .object(let pairs)? where name == "style":
                    out += " style=\"\(Self.css(pairs).htmlEscaped)\""
                default: continue
                }
            }
        }
        out += ">"
        let lower = element.name.lowercased()
        if MDXScanner.voidTags.contains(lower) {
            out += "\n"
            return
        }
        let hasBlocks = node.children.contains { !$0.isInline }
        if hasBlocks { out += "\n" }
        children(node, into: &out, context: &context)
        out += "</\(element.name)>\n"
    }

    /// `{fontSize: 12, color: 'red'}` as CSS declarations.
    private static func css(_ pairs: [(key: String, value: MDXLiteral)]) -> String {
        pairs.compactMap { pair -> String? in
            let property = pair.key.reduce(into: "") { result, character in
                if character.isUppercase { result += "-" + character.lowercased() } else { result.append(character) }
            }
            switch pair.value {
            case .string(let value): return "\(property): \(value)"
            case .number(let value):
                let number = value == value.rounded() ? String(Int(value)) : String(value)
                return "\(property): \(number)" + (value == 0 ? "" : "px")
            default: return nil
            }
        }.joined(separator: "; ")
    }

    // MARK: Tabs

    private func tabs(_ node: MarkdownNode, _ element: MDXElement, into out: inout HTMLOutput, context: inout Context) {
        context.tabSets += 1
        let prefix = "tabs-\(context.tabSets)"
        let items: [(node: MarkdownNode, element: MDXElement)] = node.children.compactMap { child in
            if case .mdx(let item) = child.kind, item.component == .tabItem { return (child, item) }
            return nil
        }
        var labels: [String: String] = [:]
        var order: [String] = []
        if case .expression(let source)? = element.attribute("values")?.value,
            case .array(let declared)? = MDXLiteral.parse(source)
        {
            for entry in declared {
                guard let value = entry["value"]?.stringValue else { continue }
                order.append(value)
                labels[value] = entry["label"]?.stringValue ?? value
            }
        }
        let values = items.map { $0.element.string("value") ?? "" }
        if order.isEmpty { order = values }
        var selected: String? = values.first
        if let explicit = items.first(where: { $0.element.flag("default") }) {
            selected = explicit.element.string("value")
        }
        if let attribute = element.attribute("defaultValue") {
            if case .expression(let source) = attribute.value, MDXLiteral.parse(source) == .null {
                selected = nil
            } else if let value = element.string("defaultValue") {
                selected = value
            }
        }
        var classes = "tabs-container"
        if let extra = element.string("className") { classes += " " + extra }
        out += "<div class=\"\(classes.htmlEscaped)\" data-tabs"
        let groupID = element.string("groupId")
        if let groupID { out += " data-group-id=\"\(groupID.htmlEscaped)\"" }
        if let attribute = element.attribute("queryString") {
            var key = element.string("queryString")
            if case .present = attribute.value { key = groupID }
            if case .expression(let source) = attribute.value, MDXLiteral.parse(source) == .bool(true) { key = groupID }
            if let key, !key.isEmpty { out += " data-query-string=\"\(key.htmlEscaped)\"" }
        }
        out +=
            ">\n<div role=\"tablist\" aria-orientation=\"horizontal\" class=\"tabs\(element.flag("block") ? " tabs--block" : "")\">\n"
        for value in order {
            guard let index = values.firstIndex(of: value) else { continue }
            let item = items[index].element
            let isSelected = value == selected || (selected == nil && index == 0 && false)
            let focusable = isSelected || (selected == nil && index == 0)
            let label = labels[value] ?? item.string("label") ?? value
            var extraClass = ""
            var extraAttributes = ""
            if case .expression(let source)? = item.attribute("attributes")?.value,
                case .object(let pairs)? = MDXLiteral.parse(source)
            {
                for (key, literal) in pairs {
                    guard let text = literal.stringValue else { continue }
                    if key == "className" { extraClass = " " + text; continue }
                    guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !key.lowercased().hasPrefix("on")
                    else { continue }
                    extraAttributes += " \(key)=\"\(text.htmlEscaped)\""
                }
            }
            out +=
                "<button type=\"button\" role=\"tab\" id=\"\(prefix)-tab-\(index)\" aria-controls=\"\(prefix)-panel-\(index)\""
            out += " aria-selected=\"\(isSelected)\" tabindex=\"\(focusable ? 0 : -1)\""
            out +=
                " class=\"tabs__item\(isSelected ? " tabs__item--active" : "")\(extraClass.htmlEscaped)\" data-value=\"\(value.htmlEscaped)\"\(extraAttributes)>"
            out += label.htmlEscaped
            out += "</button>\n"
        }
        out += "</div>\n<div class=\"tabs__panels\">\n"
        for (index, item) in items.enumerated() {
            let value = values[index]
            var panelClass = "tabs__panel"
            if let extra = item.element.string("className") { panelClass += " " + extra }
            out +=
                "<div role=\"tabpanel\" id=\"\(prefix)-panel-\(index)\" aria-labelledby=\"\(prefix)-tab-\(index)\" tabindex=\"0\""
            out +=
                " class=\"\(panelClass.htmlEscaped)\" data-value=\"\(value.htmlEscaped)\"\(value == selected ? "" : " hidden")>\n"
            children(item.node, into: &out, context: &context)
            if item.node.children.last?.isInline == true { out += "\n" }
            out += "</div>\n"
        }
        out += "</div>\n</div>\n"
    }

    // MARK: cards, details, TOC

    private func docCardList(_ element: MDXElement, into out: inout HTMLOutput) {
        var classes = "cards"
        if let extra = element.string("className") { classes += " " + extra }
        out += "<ul class=\"\(classes.htmlEscaped)\">\n"
        for link in docCards ?? [] {
            out += "<li class=\"cards__item\">"
            card(label: link.label, url: link.url, description: link.description, into: &out)
            out += "</li>\n"
        }
        out += "</ul>\n"
    }

    private func docCard(_ element: MDXElement, into out: inout HTMLOutput) {
        guard case .expression(let source)? = element.attribute("item")?.value, let item = MDXLiteral.parse(source),
            let href = item["href"]?.stringValue, let label = item["label"]?.stringValue
        else { return }
        out += "<div class=\"cards__item cards__item--single\">"
        card(label: label, url: href, description: item["description"]?.stringValue, into: &out)
        out += "</div>\n"
    }

    private func card(label: String, url: String, description: String?, into out: inout HTMLOutput) {
        out += "<a class=\"card\" href=\"\(url.htmlEscaped)\"><h2 class=\"card__title\">\(label.htmlEscaped)</h2>"
        if let description, !description.isEmpty {
            out += "<p class=\"card__description\">\(description.htmlEscaped)</p>"
        }
        out += "</a>"
    }

    private func details(
        _ node: MarkdownNode, _ element: MDXElement, into out: inout HTMLOutput, context: inout Context
    ) {
        var classes = "details"
        if let extra = element.string("className") { classes += " " + extra }
        out += "<details class=\"\(classes.htmlEscaped)\"\(element.flag("open") ? " open" : "")>"
        var body = node.children
        if let first = body.firstIndex(where: { !($0.isInline && $0.plainText.trimmingWhitespace.isEmpty) }),
            case .mdx(let summary) = body[first].kind, summary.name == "summary"
        {
            out += "<summary>"
            var inner = body[first]
            inner.kind = .paragraph
            children(inner, into: &out, context: &context)
            out += "</summary>\n"
            body.remove(at: first)
        } else {
            out += "<summary>\((element.string("summary") ?? "Details").htmlEscaped)</summary>\n"
        }
        out += "<div class=\"details__content\">\n"
        children(MarkdownNode(.document, children: body), into: &out, context: &context)
        out += "</div></details>\n"
    }

    private func tocInline(_ element: MDXElement, into out: inout HTMLOutput, context: inout Context) {
        func level(_ name: String, _ fallback: Int) -> Int {
            if case .expression(let source)? = element.attribute(name)?.value,
                case .number(let value)? = MDXLiteral.parse(source)
            {
                return Int(value)
            }
            return fallback
        }
        let items = TOCItem.tree(
            element.toc ?? [], minLevel: level("minHeadingLevel", 2), maxLevel: level("maxHeadingLevel", 3))
        out += "<div class=\"toc-inline\">\n"
        list(items, into: &out)
        out += "</div>\n"
    }

    private func list(_ items: [TOCItem], into out: inout HTMLOutput) {
        guard !items.isEmpty else { return }
        out += "<ul>\n"
        for item in items {
            out +=
                "<li><a href=\"#\(item.entry.id.htmlEscaped)\">\(render(inlines: item.entry.title, plainLinks: true))</a>"
            if !item.children.isEmpty {
                out += "\n"
                list(item.children, into: &out)
            }
            out += "</li>\n"
        }
        out += "</ul>\n"
    }
}
