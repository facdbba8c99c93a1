import DocketDiagnostics

/// The `Decoder` over one `YAMLNode`. Messages name a value by its dotted path without list
/// positions (`last_update.date`, `keywords`), as the reference pages name settings.
struct YAMLNodeDecoder: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let state: YAMLDecodingState

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The dotted name of this value, for messages.
    var name: String {
        codingPath.filter { $0.intValue == nil }.map(\.stringValue).joined(separator: ".")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.mapping else { throw mismatch("a mapping") }
        state.opened(node, parent: name)
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(decoder: self, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequence else { throw mismatch("a list") }
        return YAMLUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        YAMLSingleValueContainer(decoder: self)
    }

    /// The decoder of a value inside this one.
    func child(_ node: YAMLNode, key: any CodingKey) -> YAMLNodeDecoder {
        YAMLNodeDecoder(node: node, codingPath: codingPath + [key], state: state)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: self)
    }

    /// "'hide_title' must be true or false, not a string", at this value.
    func mismatch(_ expected: String) -> YAMLDecodingError {
        let subject = name.isEmpty ? "the document" : "'\(name)'"
        return failure("\(subject) must be \(expected), not \(node.kindDescription)")
    }

    func failure(_ message: String) -> YAMLDecodingError {
        YAMLDecodingError(at: state.document.location(of: node), message)
    }
}
