import DocketDiagnostics

/// A decoded value with the node it came from and its place in the file, for rules the type
/// cannot state (a range, a pattern, a name that must exist elsewhere) and for later messages.
public struct Located<Value> {
    public var value: Value
    public var node: YAMLNode
    public var location: SourceLocation

    public init(_ value: Value, node: YAMLNode, location: SourceLocation) {
        self.value = value
        self.node = node
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}

extension Located: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        guard let yaml = decoder as? YAMLNodeDecoder else {
            throw DecodingError.typeMismatch(
                Located.self,
                .init(codingPath: decoder.codingPath, debugDescription: "Located values decode from YAML only"))
        }
        self.init(try yaml.decode(Value.self), node: yaml.node, location: yaml.state.document.location(of: yaml.node))
    }
}
