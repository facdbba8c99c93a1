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

    /// `navbar` or `footer.links`: a list of `{label, to|href}`; `key` names it in messages.
    mutating func links(_ node: YAMLNode, _ key: String) -> [SiteConfig.NavLink] {
        guard let items = node.sequence else {
            fail(node, "'\(key)' must be a list of {label, to|href}")
            return []
        }
        var links: [SiteConfig.NavLink] = []
        for item in items {
            var fields: NavLinkFields?
            if item.mapping != nil {
                let (decoded, unknown) = decode(NavLinkFields.self, from: item, at: [key])
                UnknownKeyWording.siteConfig.report(unknown, &self)
                fields = decoded
            }
            guard let label = fields?.label else {
                fail(item, "each '\(key)' entry needs a 'label'")
                continue
            }
            if let to = fields?.to {
                links.append(.init(label: label, target: to.value, isExternal: false, location: to.location))
            } else if let href = fields?.href {
                links.append(
                    .init(
                        label: label, target: href.value, isExternal: URLPath.isExternal(href.value),
                        location: href.location))
            } else {
                fail(item, "the '\(key)' entry '\(label)' needs 'to' (a page path) or 'href' (a URL)")
            }
        }
        return links
    }

    /// A navbar or footer link.
    private struct NavLinkFields: Decodable {
        var label: String?
        var to: Located<String>?
        var href: Located<String>?
    }

    /// A sidebar of `docket.yml`: `key` names it in messages (`sidebar`, `sidebars.api`).
    mutating func sidebar(_ node: YAMLNode, key: String = "sidebar") -> [SidebarSpec]? {
        guard let items = node.sequence else {
            fail(node, "'\(key)' must be a list of items")
            return nil
        }
        return items.compactMap { sidebarItem($0, path: [key]) }
    }

    /// `sidebars: {name: [items], …}`: several named sidebars, in file order.
    mutating func sidebars(_ node: YAMLNode) -> [(name: String, items: [SidebarSpec])]? {
        guard let pairs = node.mapping, !pairs.isEmpty else {
            fail(
                node,
                "'sidebars' must be a mapping of sidebar names to lists of items, such as {docs: [intro], api: [reference]}"
            )
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

    /// `customProps`: a mapping, kept as written. It is written to `sidebar.json`, so every part
    /// must have a JSON form: a number JSON cannot hold (`+inf`, `-nan`, `1e999`) or a key that
    /// is not text is a located error (once, the whole mapping was written as `null` instead).
    mutating func customProps(_ node: YAMLNode, _ key: String) -> CustomProps? {
        if node.isNull { return nil }
        guard node.mapping != nil else {
            fail(node, "'\(key)' must be a mapping, not \(node.kindDescription)")
            return nil
        }
        guard holdsJSON(node, path: key) else { return nil }
        return CustomProps(node)
    }

    /// True when every part of `node` (at `path`, as `key.sub[2]`) has a JSON form as
    /// `CustomProps` reads it; each part that has none is reported.
    private mutating func holdsJSON(_ node: YAMLNode, path: String) -> Bool {
        switch node.value {
        case .scalar(let scalar):
            // The order of `CustomProps.init`: null and booleans come before numbers.
            guard scalar.isPlain, !scalar.isNull, scalar.bool == nil, let number = scalar.number, !number.isFinite
            else { return true }
            fail(
                node,
                "'\(path)' is \(scalar.text), a number JSON cannot hold (customProps go to sidebar.json): quote it to keep it as text"
            )
            return false
        case .sequence(let items):
            var holds = true
            for (index, item) in items.enumerated() where !holdsJSON(item, path: "\(path)[\(index)]") { holds = false }
            return holds
        case .mapping(let pairs):
            var holds = true
            for pair in pairs {
                guard let name = pair.key.string else {
                    fail(
                        pair.key,
                        "'\(path)' has a key that is \(pair.key.kindDescription): customProps keys must be text")
                    holds = false
                    continue
                }
                if !holdsJSON(pair.value, path: "\(path).\(name)") { holds = false }
            }
            return holds
        }
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
                fail(
                    item,
                    "'/' in 'externalPaths' would leave every absolute link unchecked; list the prefixes another program serves, such as /blog"
                )
                continue
            }
            paths.append(path)
        }
        return paths
    }

    /// One sidebar item; `path` names its list in messages (`sidebar.items` inside a category).
    private mutating func sidebarItem(_ node: YAMLNode, path: [String]) -> SidebarSpec? {
        if let id = node.string { return .doc(id: id, label: nil, location: location(node)) }
        guard node.mapping != nil else {
            fail(node, "a sidebar item must be a doc id or a mapping with a 'type'")
            return nil
        }
        let type = node["type"]?.string ?? (node["items"] != nil ? "category" : node["href"] != nil ? "link" : "doc")
        switch type {
        case "doc":
            let f = itemFields(SidebarItemFields.Doc.self, node, path)
            guard let id = f?.id else {
                fail(node, "a sidebar doc item needs an 'id'")
                return nil
            }
            return attributed(.doc(id: id, label: f?.label, location: location(node)), f)
        case "link":
            let f = itemFields(SidebarItemFields.Link.self, node, path)
            guard let label = f?.label, let href = f?.href else {
                fail(node, "a sidebar link needs 'label' and 'href'")
                return nil
            }
            return attributed(.link(label: label, href: href), f)
        case "autogenerated":
            let f = itemFields(SidebarItemFields.Autogenerated.self, node, path)
            return attributed(.autogenerated(directory: f?.dirName ?? ".", location: location(node)), f)
        case "category":
            let f = itemFields(SidebarItemFields.Category.self, node, path)
            guard let label = f?.label else {
                fail(node, "a sidebar category needs a 'label'")
                return nil
            }
            let items = (f?.items?.sequence ?? []).compactMap { sidebarItem($0, path: path + ["items"]) }
            let link = f?.link.flatMap { categoryLink($0, path: path + ["link"], wording: .siteConfig) }
            return attributed(
                .category(label: label, items: items, link: link, collapsed: f?.collapsed, location: location(node)), f)
        default:
            fail(node["type"] ?? node, "unknown sidebar item type '\(type)' (use doc, category, link or autogenerated)")
            return nil
        }
    }

    /// The keys of one sidebar item of `docket.yml`, its unknown keys reported as warnings.
    private mutating func itemFields<T: Decodable>(_ type: T.Type, _ node: YAMLNode, _ path: [String]) -> T? {
        let (decoded, unknown) = decode(type, from: node, at: path)
        UnknownKeyWording.siteConfig.report(unknown, &self)
        return decoded
    }

    /// `spec` with the item's `className`, `customProps` and `key`, when it has any.
    private mutating func attributed(_ spec: SidebarSpec, _ fields: (any SidebarItemFields.Attributes)?) -> SidebarSpec
    {
        guard let fields else { return spec }
        var attributes = SidebarAttributes()
        attributes.className = fields.className
        attributes.customProps = fields.customProps.flatMap { customProps($0, "customProps") }
        attributes.key = fields.key
        return attributes.isEmpty ? spec : .attributed(spec, attributes)
    }

    /// A category's `link`: `null`, `{type: doc, id}` or `{type: generated-index, …}`. `path`
    /// names it and `wording` reports its unknown keys as its file does.
    mutating func categoryLink(_ node: YAMLNode, path: [String] = ["link"], wording: UnknownKeyWording = .unchecked)
        -> CategoryLink?
    {
        if node.isNull { return CategoryLink.none }
        switch node.mapping != nil ? node["type"]?.string : nil {
        case "doc":
            let (decoded, unknown) = decode(SidebarItemFields.DocLink.self, from: node, at: path)
            wording.report(unknown, &self)
            guard let id = decoded?.id else {
                fail(node, "a category link of type doc needs an 'id'")
                return nil
            }
            return .doc(id: id)
        case "generated-index":
            let (decoded, unknown) = decode(SidebarItemFields.GeneratedIndexLink.self, from: node, at: path)
            wording.report(unknown, &self)
            return .generatedIndex(slug: decoded?.slug, title: decoded?.title, description: decoded?.description)
        default:
            fail(node, "a category 'link' must be null, {type: doc, id} or {type: generated-index}")
            return nil
        }
    }
}
