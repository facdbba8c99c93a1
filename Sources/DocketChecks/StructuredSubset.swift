import DocketYAML
import Foundation

/// "Does this document contain that one": mappings by key, lists by any matching item, scalars
/// by text. Used for `yaml_subset` and `json_subset` expectations.
enum StructuredSubset {
    static func yaml(_ expected: String, isIn text: String) -> Bool {
        guard let want = try? YAMLParser.parse(expected), let have = try? YAMLParser.parse(text) else { return false }
        return contains(have, want)
    }

    static func json(_ expected: String, isIn text: String) -> Bool {
        yaml(expected, isIn: text)
    }

    private static func contains(_ have: YAMLNode, _ want: YAMLNode) -> Bool {
        switch (have.value, want.value) {
        case (.mapping(let h), .mapping(let w)):
            return w.allSatisfy { pair in
                guard let key = pair.key.scalar?.text, let value = h.last(where: { $0.key.scalar?.text == key })?.value
                else { return false }
                return contains(value, pair.value)
            }
        case (.sequence(let h), .sequence(let w)):
            return w.allSatisfy { item in h.contains { contains($0, item) } }
        case (.scalar(let h), .scalar(let w)):
            return h.text == w.text
        default:
            return false
        }
    }
}
