import DocketSite
import Mustache

/// A sidebar item's `customProps` as templates read them: a string, number or boolean as that
/// Swift value (a number as a `Double`, so `3` shows as `3.0`, as it always has), a list as a
/// sequence, a mapping by key (the last of a repeated key). YAML `null` is absent: a section on
/// it is skipped (it used to show as the text `nil` and count as true).
struct CustomPropsView: Sendable, MustacheParent, MustacheCustomRepresentation {
    var props: CustomProps

    init(_ props: CustomProps) { self.props = props }

    /// What swift-mustache renders, iterates or tests in place of this view.
    var representation: Any? {
        switch props {
        case .null: nil
        case .bool(let flag): flag
        case .number(let number): number
        case .string(let text): text
        case .list(let items): items.map(CustomPropsView.init)
        case .object: self
        }
    }

    func child(named name: String) -> Any? {
        guard case .object(let pairs) = props, let pair = pairs.last(where: { $0.key == name }) else { return nil }
        return CustomPropsView(pair.value)
    }
}
