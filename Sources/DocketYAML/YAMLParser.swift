import CYAML

/// Parses YAML text into a `YAMLNode` tree. The only file that calls libyaml.
///
/// Besides libyaml's syntax errors, three things are errors here, each at its place: a key that
/// appears twice in one mapping, collections nested deeper than `maxDepth`, and documents whose
/// aliases expand to more than `maxNodes` values (a "billion laughs" file would otherwise make
/// every later walk of the tree explode).
public enum YAMLParser {
    /// The deepest nesting of sequences and mappings accepted.
    public static let maxDepth = 128
    /// The most values a document may hold once every alias is counted at its full size.
    public static let maxNodes = 100_000

    /// Parses the first document of `text`. Returns nil for an empty document.
    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(line: 1, column: 1, message: "could not initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }

        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = TreeBuilder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw error(of: parser, in: UnsafeBufferPointer(buffer))
                }
                defer { yaml_event_delete(&event) }
                let done = event.type == YAML_STREAM_END_EVENT || event.type == YAML_DOCUMENT_END_EVENT
                try builder.consume(event)
                if done { break }
            }
            return builder.root
        }
    }

    private static func error(of parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var line = Int(parser.problem_mark.line) + 1
        var column = Int(parser.problem_mark.column) + 1
        if parser.error == YAML_READER_ERROR {
            // The reader reports a byte offset only (its marks are not set yet).
            (line, column) = position(ofByte: Int(parser.problem_offset), in: bytes)
        }
        var related: YAMLError.Related?
        if let context = parser.context.map({ String(cString: $0) }) {
            related = YAMLError.Related(
                label: contextLabel(context),
                line: Int(parser.context_mark.line) + 1,
                column: Int(parser.context_mark.column) + 1)
        }
        return YAMLError(line: line, column: column, message: problem, related: related)
    }

    /// libyaml's "while parsing a block mapping" → "in the block mapping that starts at".
    private static func contextLabel(_ context: String) -> String {
        var rest = Substring(context)
        for prefix in ["while parsing ", "while scanning "] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        for article in ["a ", "an ", "the "] where rest.hasPrefix(article) {
            rest = rest.dropFirst(article.count)
        }
        return "in the \(rest) that starts at"
    }

    private static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Turns the event stream into nodes: a stack of open collections (no recursion, so nesting
    /// depth costs heap, not stack).
    private struct TreeBuilder {
        struct Open {
            var isMapping: Bool
            var items: [YAMLNode] = []
            var pairs: [YAMLNode.Pair] = []
            var pendingKey: YAMLNode?
            /// First place of each scalar key of a mapping, for duplicate-key errors.
            var keys: [String: (line: Int, column: Int)] = [:]
            var line: Int
            var column: Int
            var anchor: String?
            /// Values in this collection so far, itself included, aliases at full size.
            var size = 1
        }

        var stack: [Open] = []
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var root: YAMLNode?
        var total = 0

        mutating func consume(_ event: yaml_event_t) throws(YAMLError) {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let tag = s.tag.map { String(cString: $0) }
                let plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit == 1
                let node = YAMLNode(
                    .scalar(YAMLScalar(text: text, isPlain: plain, tag: tag)), line: line, column: column)
                if let a = s.anchor { anchors[String(cString: a)] = (node, 1) }
                try add(node, size: 1)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let (node, size) = anchors[name] else {
                    throw YAMLError(line: line, column: column, message: "unknown alias *\(name)")
                }
                try add(YAMLNode(node.value, line: line, column: column), size: size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let rawAnchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                guard stack.count < YAMLParser.maxDepth else {
                    throw YAMLError(
                        line: line, column: column,
                        message: "lists and mappings are nested deeper than \(YAMLParser.maxDepth) levels")
                }
                stack.append(
                    Open(
                        isMapping: isMapping, line: line, column: column, anchor: rawAnchor.map { String(cString: $0) })
                )
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { return }
                let node = YAMLNode(
                    open.isMapping ? .mapping(open.pairs) : .sequence(open.items), line: open.line, column: open.column)
                if let anchor = open.anchor { anchors[anchor] = (node, open.size) }
                try add(node, size: open.size, counted: true)
            default:
                break
            }
        }

        /// Adds a finished node to the innermost open collection. `counted` is true for a
        /// collection whose values were counted as they arrived.
        private mutating func add(_ node: YAMLNode, size: Int, counted: Bool = false) throws(YAMLError) {
            if !counted {
                total += size
                if total > YAMLParser.maxNodes {
                    throw YAMLError(
                        line: node.line, column: node.column,
                        message:
                            "the document holds more than \(YAMLParser.maxNodes) values once its aliases are expanded")
                }
            } else {
                total += 1
            }
            guard !stack.isEmpty else {
                if root == nil { root = node }
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            guard stack[top].isMapping else {
                stack[top].items.append(node)
                return
            }
            guard let key = stack[top].pendingKey else {
                if let text = node.scalar?.text {
                    if let first = stack[top].keys[text] {
                        throw YAMLError(
                            line: node.line, column: node.column, message: "duplicate key '\(text)'",
                            related: .init(label: "first at", line: first.line, column: first.column))
                    }
                    stack[top].keys[text] = (node.line, node.column)
                }
                stack[top].pendingKey = node
                return
            }
            stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        }
    }
}
