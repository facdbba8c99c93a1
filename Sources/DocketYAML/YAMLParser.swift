import CYAML

/// Parses YAML text into a `YAMLNode` tree. The only file that calls libyaml.
public enum YAMLParser {
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
                    throw error(of: parser)
                }
                defer { yaml_event_delete(&event) }
                let done = event.type == YAML_STREAM_END_EVENT || event.type == YAML_DOCUMENT_END_EVENT
                try builder.consume(event)
                if done { break }
            }
            return builder.root
        }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context))"
        }
        return YAMLError(
            line: Int(parser.problem_mark.line) + 1,
            column: Int(parser.problem_mark.column) + 1,
            message: message
        )
    }

    /// Turns the event stream into nodes: a stack of open collections.
    private struct TreeBuilder {
        enum Open {
            case sequence([YAMLNode], line: Int, column: Int, anchor: String?)
            case mapping([YAMLNode.Pair], pendingKey: YAMLNode?, line: Int, column: Int, anchor: String?)
        }

        var stack: [Open] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?

        mutating func consume(_ event: yaml_event_t) throws(YAMLError) {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let tag = s.tag.map { String(cString: $0) }
                let plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit == 1
                let node = YAMLNode(.scalar(YAMLScalar(text: text, isPlain: plain, tag: tag)), line: line, column: column)
                if let a = s.anchor { anchors[String(cString: a)] = node }
                add(node)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let node = anchors[name] else {
                    throw YAMLError(line: line, column: column, message: "unknown alias *\(name)")
                }
                add(YAMLNode(node.value, line: line, column: column))
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
                stack.append(.sequence([], line: line, column: column, anchor: anchor))
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
                stack.append(.mapping([], pendingKey: nil, line: line, column: column, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { return }
                let node: YAMLNode
                let anchor: String?
                switch open {
                case .sequence(let items, let l, let c, let a):
                    node = YAMLNode(.sequence(items), line: l, column: c)
                    anchor = a
                case .mapping(let pairs, _, let l, let c, let a):
                    node = YAMLNode(.mapping(pairs), line: l, column: c)
                    anchor = a
                }
                if let anchor { anchors[anchor] = node }
                add(node)
            default:
                break
            }
        }

        private mutating func add(_ node: YAMLNode) {
            guard let top = stack.popLast() else {
                if root == nil { root = node }
                return
            }
            switch top {
            case .sequence(var items, let l, let c, let a):
                items.append(node)
                stack.append(.sequence(items, line: l, column: c, anchor: a))
            case .mapping(var pairs, let key, let l, let c, let a):
                if let key {
                    pairs.append(YAMLNode.Pair(key: key, value: node))
                    stack.append(.mapping(pairs, pendingKey: nil, line: l, column: c, anchor: a))
                } else {
                    stack.append(.mapping(pairs, pendingKey: node, line: l, column: c, anchor: a))
                }
            }
        }
    }
}
