/// A YAML value with the position it came from, owned by Swift (no libyaml memory survives parsing).
public struct YAMLNode: Sendable {
    /// One key/value pair of a mapping, in document order.
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    /// The shape of a node.
    public enum Value: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public var value: Value
    /// 1-based line of the node's first character, relative to the parsed text.
    public var line: Int
    /// 1-based column (bytes) of the node's first character.
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

extension YAMLNode {
    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The value for a string key of a mapping (the last one wins, as in most YAML loaders).
    public subscript(key: String) -> YAMLNode? {
        guard let pairs = mapping else { return nil }
        return pairs.last { $0.key.scalar?.text == key }?.value
    }

    /// True for an explicit or implicit null (`~`, `null`, an empty value).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The text of a non-null scalar, whatever its implicit type (numbers and booleans included).
    public var string: String? {
        guard let s = scalar, !s.isNull else { return nil }
        return s.text
    }

    /// A boolean under YAML 1.2's core schema (`true`/`false` in three casings), unquoted only.
    public var bool: Bool? { scalar?.bool }

    /// A number under YAML 1.2's core schema, unquoted only.
    public var number: Double? { scalar?.number }

    /// A short name of the node's shape for error messages: "a string", "a list", "a mapping".
    public var kindDescription: String {
        switch value {
        case .scalar(let s):
            if s.isNull { return "null" }
            if s.bool != nil { return "a boolean" }
            if s.number != nil { return "a number" }
            return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
