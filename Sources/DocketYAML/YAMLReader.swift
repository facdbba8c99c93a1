import DocketDiagnostics

/// Located reads for a whole file: decodes its fixed-key mappings with `YAMLDecoder` and walks
/// the values whose shape varies (sidebar items, tags, fixture routes), recording every problem
/// as a diagnostic at its file position instead of stopping at the first.
public struct YAMLReader {
    public let document: YAMLDocument
    public var diagnostics = Diagnostics()

    public init(_ document: YAMLDocument) {
        self.document = document
    }

    /// Where `node` is in the file.
    public func location(_ node: YAMLNode) -> SourceLocation {
        document.location(of: node)
    }

    /// An error at `node`.
    public mutating func fail(_ node: YAMLNode, _ message: String) {
        diagnostics.error(at: location(node), message)
    }

    /// A warning at `node`.
    public mutating func warn(_ node: YAMLNode, _ message: String) {
        diagnostics.warning(at: location(node), message)
    }

    /// Decodes `type` from `node`, its problems recorded as errors. Returns the value and the keys
    /// it did not ask for, which the caller reports in its own words.
    public mutating func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode, at path: [String] = []) -> (
        T?, [YAMLUnknownKey]
    ) {
        let decoded = YAMLDecoder(document).decode(type, from: node, at: path)
        for problem in decoded.problems { diagnostics.error(at: problem.location, problem.message) }
        return (decoded.value, decoded.unknownKeys)
    }

    /// A value read by the decoder's rules, named `key` in messages; nil (and a recorded error)
    /// when it has the wrong type. `null` is nil without an error.
    private mutating func value<T: Decodable>(_ type: T.Type, _ node: YAMLNode, _ key: String) -> T? {
        if node.isNull && T.self != StringList.self { return nil }
        return decode(type, from: node, at: [key]).0
    }

    public mutating func string(_ node: YAMLNode, _ key: String) -> String? { value(String.self, node, key) }

    public mutating func bool(_ node: YAMLNode, _ key: String) -> Bool? {
        guard !node.isNull else {
            fail(node, "'\(key)' must be true or false, not null")
            return nil
        }
        return value(Bool.self, node, key)
    }

    /// A string, or a list of them (one string is a list of one).
    public mutating func stringList(_ node: YAMLNode, _ key: String) -> [String]? {
        value(StringList.self, node, key)?.items
    }

    /// A finite number within `range`; NaN, infinities and values outside it are located errors.
    public mutating func number(_ node: YAMLNode, _ key: String, in range: ClosedRange<Double> = -1e9...1e9) -> Double?
    {
        guard !node.isNull else {
            fail(node, "'\(key)' must be a number, not null")
            return nil
        }
        guard let n = value(Double.self, node, key) else { return nil }
        return bounded(Located(n, node: node, location: location(node)), key, in: range)
    }

    /// `number`'s range check for a decoded number.
    public mutating func bounded(_ number: Located<Double>, _ key: String, in range: ClosedRange<Double> = -1e9...1e9)
        -> Double?
    {
        guard number.value.isFinite, range.contains(number.value) else {
            fail(
                number.node,
                "'\(key)' must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), not \(number.node.scalar?.text ?? "")"
            )
            return nil
        }
        return number.value
    }

    /// A whole number within `range`. The check happens on the `Double` before any conversion to
    /// `Int`, so `1e300`, `+inf` or `0x7fffffffffffffff` are located errors, never a trap.
    public mutating func integer(_ node: YAMLNode, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let n = node.number else {
            fail(node, "'\(key)' must be a whole number, not \(node.kindDescription)")
            return nil
        }
        guard n.isFinite, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            fail(
                node,
                "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(node.scalar?.text ?? "")"
            )
            return nil
        }
        return Int(n)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
