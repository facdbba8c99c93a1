/// A `YAMLNode` property takes its value as parsed, for values whose shape varies (a sidebar
/// item, `customProps`) and that a reader walks itself, `null` included. Its keys are not
/// checked by the decoder.
extension YAMLNode: Decodable, YAMLNullAware {
    public init(from decoder: any Decoder) throws {
        guard let yaml = decoder as? YAMLNodeDecoder else {
            throw DecodingError.typeMismatch(
                YAMLNode.self,
                .init(codingPath: decoder.codingPath, debugDescription: "YAML nodes decode from YAML only"))
        }
        self = yaml.node
    }
}
