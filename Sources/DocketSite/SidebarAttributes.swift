/// What a sidebar item of `docket.yml` may carry besides its kind: `className` (on the item's
/// `<li>`), `customProps` (template data) and `key` (a stable key for the theme's JS).
public struct SidebarAttributes: Sendable {
    public var className: String?
    public var customProps: CustomProps?
    public var key: String?

    public init(className: String? = nil, customProps: CustomProps? = nil, key: String? = nil) {
        self.className = className
        self.customProps = customProps
        self.key = key
    }

    var isEmpty: Bool { className == nil && customProps == nil && key == nil }
}
