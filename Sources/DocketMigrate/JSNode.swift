/// A value of a config file as written: literal data, or a placeholder for what would need
/// JavaScript to run (a function, a variable from elsewhere, an expression).
public struct JSNode: Sendable {
    public indirect enum Kind: Sendable {
        case object([JSProperty])
        case array([JSNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        /// `null` or `undefined`.
        case null
        /// `require('x')` or `require.resolve('x')`: kept, since `sidebarPath` is often written so.
        case call(callee: String, arguments: [JSNode])
        /// Not data: the words say what it is (`an arrow function`, `process.env.URL`).
        case untranslatable(String)
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The value of `key`, when this is an object that has it (the last one wins, as in JS).
    public subscript(key: String) -> JSNode? {
        guard case .object(let properties) = kind else { return nil }
        return properties.last { $0.key == key }?.value
    }

    public var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = kind { return b }
        return nil
    }

    public var number: Double? {
        if case .number(let n) = kind { return n }
        return nil
    }

    public var array: [JSNode]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    public var properties: [JSProperty]? {
        if case .object(let properties) = kind { return properties }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// What it is, for messages: `a string`, `an arrow function`.
    public var description: String {
        switch kind {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .call(let callee, let arguments):
            let first = arguments.first?.string.map { "'\($0)'" } ?? "…"
            return "\(callee)(\(first))"
        case .untranslatable(let what): return what
        }
    }
}

/// One `key: value` of an object literal; `key` is nil for a spread or a computed key.
public struct JSProperty: Sendable {
    public var key: String?
    public var line: Int
    public var column: Int
    public var value: JSNode
}
