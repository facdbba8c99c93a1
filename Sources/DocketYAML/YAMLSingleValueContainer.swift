/// One scalar, read under YAML 1.2's core schema with the rules `YAMLScalar` states: booleans and
/// numbers only when written plain (`"true"` is a string), and every string exactly as written
/// (`1.50` read as a string stays `1.50`).
struct YAMLSingleValueContainer: SingleValueDecodingContainer {
    let decoder: YAMLNodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var node: YAMLNode { decoder.node }

    func decodeNil() -> Bool { node.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard let flag = node.bool else { throw decoder.mismatch("true or false") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard let scalar = node.scalar, !scalar.isNull else { throw decoder.mismatch("a string") }
        return scalar.text
    }

    /// Any number the core schema reads, as `Double` reads its text (`1e999` is infinite: a
    /// caller with a range checks it on a `Located` value, where it can say which range).
    func decode(_ type: Double.Type) throws -> Double {
        guard let number = node.number else { throw decoder.mismatch("a number") }
        return number
    }

    /// The nearest `Float`; a finite number too large for one is an error, not an infinity.
    func decode(_ type: Float.Type) throws -> Float {
        let number = try decode(Double.self)
        let narrow = Float(number)
        guard narrow.isFinite || !number.isFinite else {
            throw decoder.failure("'\(decoder.name)' must be a number a Float can hold, not \(node.scalar?.text ?? "")")
        }
        return narrow
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }

    /// A whole number that fits `T` exactly. An integer literal is read from its text, never
    /// through `Double` (which would round 2^63-1 up and trap on conversion); `2.0` or `1e3` is
    /// taken when it is whole and small enough for a `Double` to hold it exactly.
    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let scalar = node.scalar, let number = scalar.number else { throw decoder.mismatch("a whole number") }
        let outOfRange = decoder.failure(
            "'\(decoder.name)' must be a whole number from \(T.min) to \(T.max), not \(scalar.text)")
        var text = Substring(scalar.text)
        var negative = false
        if let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text = text.dropFirst()
        }
        let radix = text.hasPrefix("0x") ? 16 : text.hasPrefix("0o") ? 8 : 10
        let digits = radix == 10 ? text : text.dropFirst(2)
        if !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }),
            radix != 10 || digits.allSatisfy({ $0.isASCII && $0.isNumber })
        {
            guard let value = T((negative ? "-" : "") + digits, radix: radix) else { throw outOfRange }
            return value
        }
        guard number.isFinite, number == number.rounded() else {
            throw decoder.failure("'\(decoder.name)' must be a whole number, not \(scalar.text)")
        }
        guard abs(number) <= 9_007_199_254_740_992, let value = T(exactly: number) else { throw outOfRange }
        return value
    }
}
