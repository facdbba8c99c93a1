import DocketDiagnostics
import DocketYAML

/// The values of docket's YAML files whose shape varies, read with located problems: heading
/// levels, severities, navbar links, sidebars, category links, `customProps`, `externalPaths`.
extension YAMLReader {
    mutating func level(_ node: YAMLNode, _ key: String) -> Int? {
        guard let n = node.number, n.isFinite, n == n.rounded(), n >= 2, n <= 6 else {
            fail(node, "'\(key)' must be a heading level from 2 to 6")
            return nil
        }
        return Int(n)
    }

    mutating func severity(_ node: YAMLNode, _ key: String) -> SiteConfig.Severity? {
        guard let text = string(node, key) else { return nil }
        switch text {
        case "throw", "error": return .error
        case "warn", "warning", "log": return .warn
        case "ignore": return .ignore
        default:
            fail(node, "'\(key)' must be one of error, warn, ignore")
            return nil
        }
    }

    mutating func links(_ node: YAMLNode, _ key: String) -> [SiteConfig.NavLink] {
        guard let items = node.sequence else {
            fail(node, "'\(key)' must be a list of {label, to|href}")
            return []
        }
        var links: [SiteConfig.NavLink] = []
        for item in items {
            guard let label = item["label"]?.string else {
                fail(item, "each '\(key)' entry needs a 'label'")
                continue
            }
            if let to = item["to"]?.string {
                links.append(.init(label: label, target: to, isExternal: false, location: location(item["to"]!)))
            } else if let href = item["href"]?.string {
                links.append(.init(label: label, target: href, isExternal: URLPath.isExternal(href), location: location(item["href"]!)))
            } else {
                fail(item, "the '\(key)' entry '\(label)' needs 'to' (a page path) or 'href' (a URL)")
            }
        }
        return links
    }

    mutating func sidebar(_ node: YAMLNode, key: String = "sidebar") -> [SidebarSpec]? {
        guard let items = node.sequence else {
            fail(node, "'\(key)' must be a list of items")
            return nil
        }
        return items.compactMap { sidebarItem($0) }
    }

    /// `sidebars: {name: [items], …}`: several named sidebars, in file order.
    mutating func sidebars(_ node: YAMLNode) -> [(name: String, items: [SidebarSpec])]? {
        guard let pairs = node.mapping, !pairs.isEmpty else {
            fail(node, "'sidebars' must be a mapping of sidebar names to lists of items, such as {docs: [intro], api: [reference]}")
            return nil
        }
        var result: [(name: String, items: [SidebarSpec])] = []
        for pair in pairs {
            guard let name = pair.key.string, !name.isEmpty else {
                fail(pair.key, "a sidebar name must be a non-empty string")
                continue
            }
            if let items = sidebar(pair.value, key: "sidebars.\(name)") { result.append((name, items)) }
        }
        return result
    }

    /// `customProps`: a mapping, kept as written.
    mutating func customProps(_ node: YAMLNode, _ key: String) -> CustomProps? {
        if node.isNull { return nil }
        guard node.mapping != nil else {
            fail(node, "'\(key)' must be a mapping, not \(node.kindDescription)")
            return nil
        }
        return CustomProps(node)
    }

    /// `externalPaths`: absolute path prefixes served by something else; each must start with `/`.
    mutating func externalPaths(_ node: YAMLNode) -> [String] {
        let items = node.sequence ?? [node]
        var paths: [String] = []
        for item in items {
            guard let text = string(item, "externalPaths") else { continue }
            guard text.hasPrefix("/"), !text.hasPrefix("//") else {
                fail(item, "an 'externalPaths' entry must be a path starting with '/', such as /blog, not '\(text)'")
                continue
            }
            guard !text.contains("?"), !text.contains("#") else {
                fail(item, "an 'externalPaths' entry is a path prefix without '?' or '#', not '\(text)'")
                continue
            }
            var path = text
            while path.hasSuffix("/") { path.removeLast() }
            guard !path.isEmpty else {
                fail(item, "'/' in 'externalPaths' would leave every absolute link unchecked; list the prefixes another program serves, such as /blog")
                continue
            }
            paths.append(path)
        }
        return paths
    }

    private mutating func sidebarItem(_ node: YAMLNode) -> SidebarSpec? {
        if let id = node.string { return .doc(id: id, label: nil, location: location(node)) }
        guard node.mapping != nil else {
            fail(node, "a sidebar item must be a doc id or a mapping with a 'type'")
            return nil
        }
        guard let spec = plainSidebarItem(node) else { return nil }
        var attributes = SidebarAttributes()
        if let v = node["className"] { attributes.className = string(v, "className") }
        if let v = node["customProps"] { attributes.customProps = customProps(v, "customProps") }
        if let v = node["key"] { attributes.key = string(v, "key") }
        return attributes.isEmpty ? spec : .attributed(spec, attributes)
    }

    private mutating func plainSidebarItem(_ node: YAMLNode) -> SidebarSpec? {
        let type = node["type"]?.string ?? (node["items"] != nil ? "category" : node["href"] != nil ? "link" : "doc")
        switch type {
        case "doc":
            guard let id = node["id"]?.string else {
                fail(node, "a sidebar doc item needs an 'id'")
                return nil
            }
            return .doc(id: id, label: node["label"]?.string, location: location(node))
        case "link":
            guard let label = node["label"]?.string, let href = node["href"]?.string else {
                fail(node, "a sidebar link needs 'label' and 'href'")
                return nil
            }
            return .link(label: label, href: href)
        case "autogenerated":
            return .autogenerated(directory: node["dirName"]?.string ?? ".", location: location(node))
        case "category":
            guard let label = node["label"]?.string else {
                fail(node, "a sidebar category needs a 'label'")
                return nil
            }
            let items = (node["items"]?.sequence ?? []).compactMap { sidebarItem($0) }
            var link: CategoryLink?
            if let linkNode = node["link"] { link = categoryLink(linkNode) }
            return .category(label: label, items: items, link: link, collapsed: node["collapsed"]?.bool, location: location(node))
        default:
            fail(node["type"] ?? node, "unknown sidebar item type '\(type)' (use doc, category, link or autogenerated)")
            return nil
        }
    }

    mutating func categoryLink(_ node: YAMLNode) -> CategoryLink? {
        if node.isNull { return CategoryLink.none }
        switch node["type"]?.string {
        case "doc":
            guard let id = node["id"]?.string else {
                fail(node, "a category link of type doc needs an 'id'")
                return nil
            }
            return .doc(id: id)
        case "generated-index":
            return .generatedIndex(slug: node["slug"]?.string, title: node["title"]?.string, description: node["description"]?.string)
        default:
            fail(node, "a category 'link' must be null, {type: doc, id} or {type: generated-index}")
            return nil
        }
    }
}
