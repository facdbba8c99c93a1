/// A value where `key: null` means something other than leaving the key out
/// (`displayed_sidebar: null` shows no sidebar). As an optional property: nil when absent,
/// `.null` for null, `.value` otherwise.
public enum YAMLNullable<Wrapped> {
    case null
    case value(Wrapped)
}

extension YAMLNullable {
    /// The value, nil for `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }
}

extension YAMLNullable: Sendable where Wrapped: Sendable {}
extension YAMLNullable: Equatable where Wrapped: Equatable {}

extension YAMLNullable: Decodable, YAMLNullAware where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}
