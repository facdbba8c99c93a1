/// A type that decodes a `null` value itself instead of reading as absent (`YAMLNullable`,
/// `StringList`).
protocol YAMLNullAware {}

/// The keys of a mapping. Every key a type asks for, present or not, is noted, so the keys it
/// never asked for can be reported as unknown afterwards.
///
/// An optional value that is `null` reads as absent (but see `decodeIfPresent` for `Bool`).
/// An optional value of the wrong type is recorded and reads as absent: one bad value never
/// hides the problems of the others, as the hand-written readers before it did. A required
/// value that is missing or wrong is thrown to the nearest optional value (or the caller).
struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let pairs: [YAMLNode.Pair]
    /// Where each key is among `pairs`, for a large mapping (a dictionary asks for every key):
    /// a search of the pairs for each would take the square of their number.
    private let positions: [String: Int]?
    /// For a small mapping, each pair's key text (nil for a key that is no scalar), taken out
    /// once: a type asks for every key it knows (forty for a page's front matter), and reading
    /// each pair's key again for each copied the node's value.
    private let keyTexts: [String?]

    init(decoder: YAMLNodeDecoder, pairs: [YAMLNode.Pair]) {
        self.decoder = decoder
        self.pairs = pairs
        keyTexts = pairs.count > 32 ? [] : pairs.map { $0.key.scalar?.text }
        if pairs.count > 32 {
            var positions: [String: Int] = [:]
            for (index, pair) in pairs.enumerated() {
                if case .scalar(let scalar) = pair.key.value, positions[scalar.text] == nil {
                    positions[scalar.text] = index
                }
            }
            self.positions = positions
        } else {
            positions = nil
        }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        pairs.compactMap { pair in pair.key.scalar.flatMap { Key(stringValue: $0.text) } }
    }

    private func value(_ key: Key) -> YAMLNode? {
        let name = key.stringValue
        decoder.state.asked(name, in: decoder.node)
        if let positions { return positions[name].map { pairs[$0].value } }
        // The parser refuses duplicate keys, so the first match is the only one. Lengths first:
        // most keys asked are not there, and differ from every key that is in length.
        let length = name.utf8.count
        for (index, text) in keyTexts.enumerated() {
            if let text, text.utf8.count == length, text == name { return pairs[index].value }
        }
        return nil
    }

    private func required(_ key: Key) throws -> YAMLNode {
        guard let node = value(key) else {
            let name = (decoder.name.isEmpty ? "" : decoder.name + ".") + key.stringValue
            throw decoder.failure("'\(name)' is required")
        }
        return node
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(required(key), key: key).decode(T.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = value(key) else { return nil }
        // `null` reads as absent, except for a flag: `draft:` with its value forgotten is an
        // error, as it always was, not a silent `false`.
        if node.isNull && !(T.self is any YAMLNullAware.Type) && T.self != Bool.self { return nil }
        do {
            return try decoder.child(node, key: key).decode(T.self)
        } catch {
            decoder.state.record(error, at: node)
            return nil
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(required(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(required(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder.child(required(key), key: key) }

    // The standard library asks for each primitive type by name; all go the generic way.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type, key) }

    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T { try decode(type, forKey: key) }
    private func present<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key)
    }
}
