/// One `import` or `export` statement of an MDX page, read just far enough to know the module
/// and the local names it binds. docket never runs it.
struct ESMStatement {
    var isExport: Bool
    /// The module of an import; nil when the text is not an import statement after all.
    var module: String?
    /// `X` of `import X from …`.
    var defaultName: String?
    /// Every local name bound (default, named, namespace).
    var names: [String] = []
    /// Byte offset of the keyword in the page body.
    var offset: Int

    private enum Token: Equatable {
        case word(String)
        case string(String)
        case punctuation(UInt8)
    }

    /// The statements of an ESM block; `base` is the block's offset in the body.
    static func parse(_ text: ArraySlice<UInt8>, base: Int) -> [ESMStatement] {
        let tokens = tokenize(text)
        var statements: [ESMStatement] = []
        var index = 0
        while index < tokens.count {
            let (token, offset, atLineStart) = tokens[index]
            guard case .word(let keyword) = token, keyword == "import" || keyword == "export",
                atLineStart || index == 0
                    || tokens[index - 1].0 == .punctuation(UInt8(ascii: ";"))
            else {
                if statements.isEmpty { return [] }
                index += 1
                continue
            }
            index += 1
            if keyword == "export" {
                statements.append(ESMStatement(isExport: true, offset: base + offset - text.startIndex))
                while index < tokens.count,
                    !(tokens[index].2 && (tokens[index].0 == .word("import") || tokens[index].0 == .word("export")))
                { index += 1 }
                continue
            }
            var statement = ESMStatement(isExport: false, offset: base + offset - text.startIndex)
            defer { statements.append(statement) }
            if index < tokens.count, case .string(let module) = tokens[index].0 {
                statement.module = module
                index += 1
                continue
            }
            var expectingFrom = false
            while index < tokens.count {
                let token = tokens[index].0
                index += 1
                switch token {
                case .word("from") where expectingFrom:
                    if index < tokens.count, case .string(let module) = tokens[index].0 {
                        statement.module = module
                        index += 1
                    }
                case .word(let name) where !expectingFrom || name == "type":
                    if name == "type" { continue }
                    statement.defaultName = name
                    statement.names.append(name)
                    expectingFrom = true
                    continue
                case .punctuation(UInt8(ascii: ",")) where expectingFrom:
                    continue
                case .punctuation(UInt8(ascii: "*")):
                    // `* as name`
                    if index + 1 < tokens.count, tokens[index].0 == .word("as"),
                        case .word(let name) = tokens[index + 1].0
                    {
                        statement.names.append(name)
                        index += 2
                        expectingFrom = true
                        continue
                    }
                case .punctuation(UInt8(ascii: "{")):
                    var last: String?
                    while index < tokens.count, tokens[index].0 != .punctuation(UInt8(ascii: "}")) {
                        switch tokens[index].0 {
                        case .word("as"): break
                        case .word(let name): last = name
                        case .punctuation(UInt8(ascii: ",")):
                            if let name = last { statement.names.append(name) }
                            last = nil
                        default: break
                        }
                        index += 1
                    }
                    if let name = last { statement.names.append(name) }
                    index += 1
                    expectingFrom = true
                    continue
                default:
                    break
                }
                break
            }
            if index < tokens.count, tokens[index].0 == .punctuation(UInt8(ascii: ";")) { index += 1 }
        }
        return statements
    }

    /// Words, strings and single punctuation bytes, each with its offset and whether a line
    /// break precedes it.
    private static func tokenize(_ text: ArraySlice<UInt8>) -> [(Token, Int, Bool)] {
        var tokens: [(Token, Int, Bool)] = []
        var index = text.startIndex
        var lineStart = true
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x0A { lineStart = true; index += 1; continue }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { index += 1; continue }
            if byte == UInt8(ascii: "/"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "/") {
                while index < text.endIndex, text[index] != 0x0A { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < text.endIndex,
                    !(text[index] == UInt8(ascii: "*") && text[index + 1] == UInt8(ascii: "/"))
                { index += 1 }
                index += 2
                continue
            }
            let start = index
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                index += 1
                while index < text.endIndex, text[index] != byte, text[index] != 0x0A { index += 1 }
                tokens.append(
                    (
                        .string(String(decoding: text[(start + 1)..<min(index, text.endIndex)], as: UTF8.self)), start,
                        lineStart
                    ))
                index += 1
            } else if MDXTagParser.isNameStart(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") {
                while index < text.endIndex,
                    MDXTagParser.isNameStart(text[index]) || text[index] == UInt8(ascii: "_")
                        || text[index] == UInt8(ascii: "$")
                        || (text[index] >= UInt8(ascii: "0") && text[index] <= UInt8(ascii: "9"))
                { index += 1 }
                tokens.append((.word(String(decoding: text[start..<index], as: UTF8.self)), start, lineStart))
            } else {
                tokens.append((.punctuation(byte), start, lineStart))
                index += 1
            }
            lineStart = false
        }
        return tokens
    }
}
