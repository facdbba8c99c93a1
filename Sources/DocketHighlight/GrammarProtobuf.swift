/// Protocol Buffers: keywords, scalar types, message/enum/service names and capitalised types,
/// `rpc` names, strings, field numbers, comments.
extension Grammar {
    static let protobuf = code(
        CodeWords(
            keywords: WordSet(
                """
                syntax edition package import option message enum service rpc returns stream repeated \
                optional required oneof map reserved extend extensions to max public weak
                """),
            constants: WordSet("true false inf nan"),
            types: WordSet(
                "double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool string bytes"
            ),
            functionDefiners: WordSet("rpc"),
            typeDefiners: WordSet("message enum service extend"),
            properties: false
        ),
        leading: [
            Rule(.quoted("\""), .string),
            Rule(.quoted("'"), .string),
        ])
}
