import DocketSite

extension CustomProps {
    /// The value as Foundation types (a mapping as `[String: Any]`, a number as `Double`), for
    /// the tests that read a few keys out of it. The build hands templates the typed value
    /// (DocketTheme's `CustomPropsView`), so this lives with the tests (of the site and of
    /// `docket migrate`).
    public var templateValue: Any {
        switch self {
        case .null: return Optional<String>.none as Any
        case .bool(let flag): return flag
        case .number(let number): return number
        case .string(let text): return text
        case .list(let items): return items.map(\.templateValue)
        case .object(let pairs):
            var dictionary: [String: Any] = [:]
            for pair in pairs { dictionary[pair.key] = pair.value.templateValue }
            return dictionary
        }
    }
}
