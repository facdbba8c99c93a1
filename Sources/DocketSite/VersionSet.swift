import DocketDiagnostics

/// The versions a build publishes, newest first (current, then `versions.json`'s order), with
/// Docusaurus's rules (`versions/version.ts`, `files.ts`, `validation.ts`): `onlyIncludeVersions`
/// filters, `lastVersion` (default: the newest that is not current) is served at the docs root,
/// newer ones are `unreleased` and older ones `unmaintained`.
public struct VersionSet: Sendable {
    public var versions: [DocVersion]

    public var last: DocVersion { versions.first(where: \.isLast) ?? versions[0] }
    /// The version `loaded.site` holds: current when built, else the last version.
    public var primary: DocVersion { versions.first(where: \.isCurrent) ?? last }

    public func version(named name: String) -> DocVersion? { versions.first { $0.name == name } }

    /// The versioned folder of a version name, relative to the site root.
    public static func folder(of name: String) -> String { "versioned_docs/version-\(name)" }
    public static func sidebarFile(of name: String) -> String { "versioned_sidebars/version-\(name)-sidebars.json" }

    /// - Parameters:
    ///   - listed: the names of versions.json with where each is written.
    ///   - folderExists: whether a site-root-relative folder exists.
    ///   - versionsFile: how diagnostics name versions.json.
    public static func make(
        listed: [(name: String, location: SourceLocation)], options: VersionOptions,
        versionsFile: String, folderExists: (String) -> Bool
    ) -> (VersionSet?, Diagnostics) {
        var diagnostics = Diagnostics()
        var all: [String] = options.disableVersioning ? [] : listed.map(\.name)
        if options.includeCurrentVersion && !all.contains(DocVersion.currentName) {
            all.insert(DocVersion.currentName, at: 0)
        }
        guard !all.isEmpty else {
            let at = options.includeCurrentVersionLocation ?? SourceLocation(path: versionsFile, line: 1, column: 1)
            diagnostics.error(
                at: at,
                "no version to build: includeCurrentVersion is false and "
                    + (options.disableVersioning
                        ? "versioning is disabled with disableVersioning: true" : "versions.json is empty"))
            return (nil, diagnostics)
        }
        let available = "Available version names are: \(all.joined(separator: ", "))"
        if let last = options.lastVersion, !all.contains(last.name) {
            diagnostics.error(at: last.location, "lastVersion: \(last.name) is not a version. \(available)")
        }
        for entry in options.versions where !all.contains(entry.name) {
            diagnostics.error(at: entry.options.location, "versions: unknown version '\(entry.name)'. \(available)")
        }
        var included = all
        if let only = options.onlyIncludeVersions {
            if only.isEmpty, let at = options.onlyIncludeVersionsLocation {
                diagnostics.error(
                    at: at, "onlyIncludeVersions: an empty list is not allowed, at least one version is needed")
            }
            for entry in only where !all.contains(entry.name) {
                diagnostics.error(
                    at: entry.location, "onlyIncludeVersions: unknown version '\(entry.name)'. \(available)")
            }
            if let last = options.lastVersion, !only.contains(where: { $0.name == last.name }) {
                diagnostics.error(
                    at: last.location, "lastVersion: \(last.name) must be one of onlyIncludeVersions when both are set")
            }
            // The order of versions.json is kept; the order of the option does not matter.
            included = all.filter { name in only.contains { $0.name == name } }
        }
        // A listed version without its folder is an error at its line of versions.json.
        for name in included where name != DocVersion.currentName && !folderExists(folder(of: name)) {
            let at =
                listed.first { $0.name == name }?.location ?? SourceLocation(path: versionsFile, line: 1, column: 1)
            diagnostics.error(
                at: at, "the docs folder does not exist for version \"\(name)\": expected \(folder(of: name))/")
        }
        if diagnostics.hasErrors || included.isEmpty { return (nil, diagnostics) }

        let lastName =
            options.lastVersion?.name ?? included.first { $0 != DocVersion.currentName } ?? DocVersion.currentName
        let lastIndex = included.firstIndex(of: lastName) ?? 0
        let versions = included.enumerated().map { index, name -> DocVersion in
            let given = options.options(for: name)
            let isCurrent = name == DocVersion.currentName
            var banner: DocVersion.Banner?
            if let option = given?.banner {
                banner = DocVersion.Banner(rawValue: option)
            } else if name != lastName {
                banner = index < lastIndex ? .unreleased : .unmaintained
            }
            let defaultPath = name == lastName ? "" : (isCurrent ? "next" : name)
            return DocVersion(
                name: name, label: given?.label ?? (isCurrent ? "Next" : name),
                pathPart: given?.path ?? defaultPath, banner: banner,
                badge: given?.badge ?? (included.count != 1), noIndex: given?.noIndex ?? false,
                className: given?.className ?? "docs-version-\(name)", isLast: name == lastName,
                contentFolder: isCurrent ? nil : folder(of: name), sidebarFile: isCurrent ? nil : sidebarFile(of: name))
        }
        return (VersionSet(versions: versions), diagnostics)
    }
}
