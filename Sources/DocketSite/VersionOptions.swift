import DocketDiagnostics
import DocketYAML

/// The versioning options of Docusaurus's docs plugin, read from `docket.yml` under the same
/// names: `lastVersion`, `onlyIncludeVersions`, `includeCurrentVersion`, `disableVersioning`
/// and `versions: {NAME: {label, path, banner, badge, noIndex, className}}`.
public struct VersionOptions: Sendable {
    /// The settings of one version under `versions:`.
    public struct PerVersion: Sendable {
        public var label: String?
        public var path: String?
        /// `none`, `unreleased` or `unmaintained`.
        public var banner: String?
        public var badge: Bool?
        public var noIndex: Bool?
        public var className: String?
        /// Where the version's key is written.
        public var location: SourceLocation

        public init(
            label: String? = nil, path: String? = nil, banner: String? = nil, badge: Bool? = nil,
            noIndex: Bool? = nil, className: String? = nil, location: SourceLocation
        ) {
            self.label = label
            self.path = path
            self.banner = banner
            self.badge = badge
            self.noIndex = noIndex
            self.className = className
            self.location = location
        }
    }

    public var lastVersion: (name: String, location: SourceLocation)?
    public var onlyIncludeVersions: [(name: String, location: SourceLocation)]?
    /// Where `onlyIncludeVersions` is written (for the empty-list error).
    public var onlyIncludeVersionsLocation: SourceLocation?
    public var includeCurrentVersion = true
    public var includeCurrentVersionLocation: SourceLocation?
    public var disableVersioning = false
    public var disableVersioningLocation: SourceLocation?
    /// `versions:` in the order written.
    public var versions: [(name: String, options: PerVersion)] = []

    public init() {}

    public func options(for name: String) -> PerVersion? {
        versions.first { $0.name == name }?.options
    }

    /// The settings of one version under `versions:`, as the YAML decoder reads them.
    private struct PerVersionFields: Decodable {
        var label: String?
        var path: String?
        var banner: Located<String>?
        var badge: Bool?
        var noIndex: Bool?
        var className: String?
    }

    /// Reads the versioning settings present in docket.yml, reporting bad values at their line
    /// and column.
    package mutating func read(
        lastVersion: YAMLNode?, onlyIncludeVersions: YAMLNode?, includeCurrentVersion: YAMLNode?,
        disableVersioning: YAMLNode?, versions: YAMLNode?, _ reader: inout YAMLReader
    ) {
        if let value = lastVersion, let name = versionName(value, "lastVersion", &reader) {
            self.lastVersion = (name, reader.location(value))
        }
        if let value = onlyIncludeVersions {
            onlyIncludeVersionsLocation = reader.location(value)
            if let items = value.sequence {
                self.onlyIncludeVersions = items.compactMap { item in
                    versionName(item, "onlyIncludeVersions", &reader).map { ($0, reader.location(item)) }
                }
            } else {
                reader.fail(value, "'onlyIncludeVersions' must be a list of version names, such as [current, '1.0']")
            }
        }
        if let value = includeCurrentVersion {
            includeCurrentVersionLocation = reader.location(value)
            self.includeCurrentVersion = reader.bool(value, "includeCurrentVersion") ?? true
        }
        if let value = disableVersioning {
            disableVersioningLocation = reader.location(value)
            self.disableVersioning = reader.bool(value, "disableVersioning") ?? false
        }
        if let value = versions {
            guard let pairs = value.mapping else {
                reader.fail(value, "'versions' must be a mapping of version names to {label, path, banner}")
                return
            }
            self.versions = []
            for pair in pairs {
                guard let name = versionName(pair.key, "versions", &reader) else { continue }
                self.versions.append((name, perVersion(pair.value, name: name, at: reader.location(pair.key), &reader)))
            }
        }
    }

    /// A version name: YAML reads `1.0` as a number, so the scalar's text is taken as written.
    private func versionName(_ node: YAMLNode, _ key: String, _ reader: inout YAMLReader) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            reader.fail(
                node, "'\(key)' must name a version (current, or a name of versions.json), not \(node.kindDescription)")
            return nil
        }
        return scalar.text
    }

    private func perVersion(_ node: YAMLNode, name: String, at location: SourceLocation, _ reader: inout YAMLReader)
        -> PerVersion
    {
        var result = PerVersion(location: location)
        guard node.mapping != nil else {
            reader.fail(node, "'versions.\(name)' must be a mapping such as {label: 'v1', path: v1, banner: none}")
            return result
        }
        let (decoded, unknown) = reader.decode(PerVersionFields.self, from: node, at: ["versions", name])
        UnknownKeyWording.siteConfig.report(unknown, &reader)
        guard let f = decoded else { return result }
        result.label = f.label
        result.path = f.path
        result.className = f.className
        result.badge = f.badge
        result.noIndex = f.noIndex
        if let banner = f.banner {
            if ["none", "unreleased", "unmaintained"].contains(banner.value) {
                result.banner = banner.value
            } else {
                reader.fail(
                    banner.node,
                    "'versions.\(name).banner' must be none, unreleased or unmaintained, not '\(banner.value)'")
            }
        }
        return result
    }
}
