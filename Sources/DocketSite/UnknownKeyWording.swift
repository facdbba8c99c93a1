import DocketDiagnostics
import DocketYAML

/// How each of docket's YAML files words a key its reader does not know, so a typo in a nested
/// mapping (`footer.copyrigth`, a sidebar item's `lable`) is reported exactly like one at the top
/// of the same file, with the closest known key when one is near.
enum UnknownKeyWording {
    /// `docket.yml`: a warning (an error under `--strict`), named by its dotted path.
    case siteConfig
    /// A `_category_` file: an error, as Docusaurus refuses such a file.
    case categoryFile
    /// A fixed mapping inside front matter (`last_update`, a tag): a warning naming what it takes.
    case frontMatter
    /// Not checked (a versioned sidebar's JSON, written for Docusaurus, which allows more).
    case unchecked

    func report(_ keys: [YAMLUnknownKey], _ reader: inout YAMLReader) {
        for key in keys {
            let hint = Suggestion.hint(for: key.key, in: key.known)
            switch self {
            case .siteConfig:
                reader.diagnostics.warning(at: key.location, "unknown setting '\(key.fullName)' in docket.yml\(hint)")
            case .categoryFile:
                let allowed = key.known.sorted().joined(separator: ", ")
                reader.diagnostics.error(
                    at: key.location,
                    "the category file looks invalid: unknown key '\(key.fullName)' (allowed: \(allowed))\(hint)")
            case .frontMatter:
                reader.diagnostics.warning(
                    at: key.location,
                    "unknown key '\(key.key)' in \(key.parent) (it takes \(Self.list(key.known)))\(hint)")
            case .unchecked:
                continue
            }
        }
    }

    /// `'date' and 'author'`, `'a', 'b' and 'c'`.
    private static func list(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "nothing" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
