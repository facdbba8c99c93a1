/// Decodes `Decodable` types from a located `YAMLNode` tree: errors carry the file, line and
/// column of the value at fault, and the keys no type asked for come back as `unknownKeys`, so
/// every reader reports them the same way.
///
/// Types: `String` takes any non-null scalar as written; `Bool` and numbers only plain
/// scalars of YAML 1.2's core schema (`"yes"`, `yes` and `"true"` are strings); integers must fit
/// exactly (an overflow is an error); `YAMLNode` keeps a value as parsed, for values whose shape
/// varies; `Located` adds where a value is; `YAMLNullable` tells `null` from absent; `StringList`
/// takes one string or a list of them.
///
/// An optional property of the wrong type is recorded and reads as nil, so one decode reports
/// every bad value at once; a missing or wrong required property fails the value that holds it.
public struct YAMLDecoder {
    public let document: YAMLDocument

    public init(_ document: YAMLDocument) {
        self.document = document
    }

    /// Decodes `type` from `node`. `path` names the node in messages (`["runbook"]` for the
    /// `runbook:` block, so its problems say `'runbook.id'`).
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode, at path: [String] = []) -> YAMLDecoded<T> {
        let state = YAMLDecodingState(document: document)
        let decoder = YAMLNodeDecoder(node: node, codingPath: path.map(YAMLCodingKey.init(stringValue:)), state: state)
        var value: T?
        do {
            value = try decoder.decode(type)
        } catch {
            state.record(error, at: node)
        }
        let problems = state.problems.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return YAMLDecoded(value: value, problems: problems, unknownKeys: state.unknownKeys)
    }
}
