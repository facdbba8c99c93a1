/// Go: interpreted, raw (multi-line) and rune literals, predeclared types, builtin functions,
/// `func` names and calls, members.
extension Grammar {
    static let go = code(
        CodeWords(
            keywords: WordSet(
                """
                break case chan const continue default defer else fallthrough for func go goto if import \
                interface map package range return select struct switch type var
                """),
            constants: WordSet("true false nil iota"),
            types: WordSet(
                """
                bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune \
                string uint uint8 uint16 uint32 uint64 uintptr any comparable
                """),
            builtins: WordSet(
                "append cap clear close complex copy delete imag len make max min new panic print println real recover"),
            functionDefiners: WordSet("func"),
            typeDefiners: WordSet("type"),
            capitalizedTypes: false
        ),
        leading: [
            Rule(.quoted("\""), .string),
            Rule(.quoted("`", escape: false, multiline: true), .string),
            Rule(.quoted("'"), .string),
        ])
}
