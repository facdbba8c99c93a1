/// One attribute of a JSX tag, as written: `value="a"`, `default`, `values={[…]}`.
public struct MDXAttribute: Sendable {
    /// What follows the `=`, if anything.
    public enum Value: Sendable {
        /// A bare name (`default`): JSX reads it as `true`.
        case present
        case string(String)
        /// The source between the braces of `{…}`, unevaluated.
        case expression(String)
    }

    public var name: String
    public var value: Value
    /// Where the attribute's name starts (file line and byte column).
    public var line: Int
    public var column: Int
}
