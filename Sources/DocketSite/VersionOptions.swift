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

        public init(label: String? = nil, path: String? = nil, banner: String? = nil, badge: Bool? = nil,
                    noIndex: Bool? = nil, className: String? = nil, location: SourceLocation) {
            self.label = label
            self.path = path
            self.banner = banner
            self.badge = badge
            self.noIndex = noIndex
            self.className = className
            self.location = location
        }
    }

    /// The keys of docket.yml this type reads.
    public static let keys: Set<String> = ["lastVersion", "onlyIncludeVersions", "includeCurrentVersion", "disableVersioning", "versions"]

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

    /// Reads one of `keys`, reporting bad values at their line and column.
    package mutating func read(_ key: String, _ value: YAMLNode, _ reader: inout YAMLFieldReader) {
        switch key {
        case "lastVersion":
            if let name = versionName(value, key, &reader) { lastVersion = (name, reader.location(value)) }
        case "onlyIncludeVersions":
            onlyIncludeVersionsLocation = reader.location(value)
            guard let items = value.sequence else {
                reader.fail(value, "'onlyIncludeVersions' must be a list of version names, such as [current, '1.0']")
                return
            }
            onlyIncludeVersions = items.compactMap { item in
                versionName(item, key, &reader).map { ($0, reader.location(item)) }
            }
        case "includeCurrentVersion":
            includeCurrentVersionLocation = reader.location(value)
            includeCurrentVersion = reader.bool(value, key) ?? true
        case "disableVersioning":
            disableVersioningLocation = reader.location(value)
            disableVersioning = reader.bool(value, key) ?? false
        case "versions":
            guard let pairs = value.mapping else {
                reader.fail(value, "'versions' must be a mapping of version names to {label, path, banner}")
                return
            }
            versions = []
            for pair in pairs {
                guard let name = versionName(pair.key, "versions", &reader) else { continue }
                versions.append((name, perVersion(pair.value, name: name, at: reader.location(pair.key), &reader)))
            }
        default:
            break
        }
    }

    /// A version name: YAML reads `1.0` as a number, so the scalar's text is taken as written.
    private func versionName(_ node: YAMLNode, _ key: String, _ reader: inout YAMLFieldReader) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            reader.fail(node, "'\(key)' must name a version (current, or a name of versions.json), not \(node.kindDescription)")
            return nil
        }
        return scalar.text
    }

    private func perVersion(_ node: YAMLNode, name: String, at location: SourceLocation, _ reader: inout YAMLFieldReader) -> PerVersion {
        var result = PerVersion(location: location)
        guard let pairs = node.mapping else {
            reader.fail(node, "'versions.\(name)' must be a mapping such as {label: 'v1', path: v1, banner: none}")
            return result
        }
        for pair in pairs {
            let key = pair.key.string ?? ""
            let full = "versions.\(name).\(key)"
            switch key {
            case "label": result.label = reader.string(pair.value, full)
            case "path": result.path = reader.string(pair.value, full)
            case "className": result.className = reader.string(pair.value, full)
            case "badge": result.badge = reader.bool(pair.value, full)
            case "noIndex": result.noIndex = reader.bool(pair.value, full)
            case "banner":
                guard let banner = reader.string(pair.value, full) else { continue }
                if ["none", "unreleased", "unmaintained"].contains(banner) {
                    result.banner = banner
                } else {
                    reader.fail(pair.value, "'\(full)' must be none, unreleased or unmaintained, not '\(banner)'")
                }
            default:
                reader.diagnostics.warning(at: reader.location(pair.key), "unknown setting '\(full)' in docket.yml (use label, path, banner, badge, noIndex or className)")
            }
        }
        return result
    }
}
