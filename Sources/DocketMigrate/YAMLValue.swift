/// A value to write into docket.yml, keys in the order they were added.
indirect enum YAMLValue: Sendable, Equatable {
    case null
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([YAMLValue])
    case map([(String, YAMLValue)])

    static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.map(let x), .map(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    var isScalar: Bool {
        switch self {
        case .null, .string, .bool, .int: return true
        default: return false
        }
    }
}
