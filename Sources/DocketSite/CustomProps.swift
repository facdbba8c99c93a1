import DocketYAML

/// A sidebar item's `customProps` (`sidebar_custom_props`, `customProps:` in a sidebar or
/// `_category_` file): any YAML value, handed to the theme's template data and `sidebar.json`
/// as written (key order kept). A typed JSON value: `Codable`, so it goes to `sidebar.json` and
/// comes back from JSON or through the YAML decoder (which keeps key order) without `Any`.
public indirect enum CustomProps: Sendable, Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([CustomProps])
    case object([(key: String, value: CustomProps)])

    /// The value of a YAML node: plain scalars become null, booleans or numbers as YAML reads them.
    public init(_ node: YAMLNode) {
        switch node.value {
        case .scalar(let scalar):
            if scalar.isPlain, scalar.isNull {
                self = .null
            } else if scalar.isPlain, let flag = scalar.bool {
                self = .bool(flag)
            } else if scalar.isPlain, let number = scalar.number {
                self = .number(number)
            } else {
                self = .string(scalar.text)
            }
        case .sequence(let items):
            self = .list(items.map(CustomProps.init))
        case .mapping(let pairs):
            self = .object(pairs.map { (key: $0.key.string ?? "", value: CustomProps($0.value)) })
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public static func == (a: CustomProps, b: CustomProps) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Any JSON or YAML value. A YAML scalar is a boolean or number only when plain, as in
    /// `init(_:)`; JSON's types are its own.
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            self = .object(
                try object.allKeys.map { (key: $0.stringValue, value: try object.decode(CustomProps.self, forKey: $0)) }
            )
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [CustomProps] = []
            while !list.isAtEnd { items.append(try list.decode(CustomProps.self)) }
            self = .list(items)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number == number.rounded(), abs(number) < 1e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for pair in pairs { try container.encode(pair.value, forKey: Key(stringValue: pair.key)) }
        }
    }
}
