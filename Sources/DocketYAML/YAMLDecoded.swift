/// The result of one `YAMLDecoder.decode`: the value (nil when a required part was missing or
/// of the wrong type), every problem in document order, and the keys no type asked for.
public struct YAMLDecoded<Value> {
    public var value: Value?
    public var problems: [YAMLDecodingError]
    public var unknownKeys: [YAMLUnknownKey]
}
