/// Unified and normal diffs: file headers as headings, hunk headers as meta, added lines as
/// inserted, removed lines as deleted, `\ No newline` as a comment.
extension Grammar {
    static let diff: Grammar = {
        func line(_ prefix: String, _ kind: TokenKind) -> Rule {
            Rule(.atLineStart(.toLineEnd(Array(prefix.utf8))), kind)
        }
        return Grammar(states: [
            LexState(
                .plain,
                [
                    line("diff ", .heading), line("index ", .heading), line("--- ", .heading), line("+++ ", .heading),
                    line("new file mode", .heading), line("deleted file mode", .heading),
                    line("similarity index", .heading),
                    line("rename from", .heading), line("rename to", .heading), line("Binary files", .heading),
                    line("Only in", .heading),
                    line("@@", .meta), line("***", .meta),
                    line("+", .inserted), line(">", .inserted),
                    line("-", .deleted), line("<", .deleted),
                    line("!", .meta),
                    line("\\", .comment),
                    Rule(.run(.except("\n")), .plain),
                ])
        ])
    }()
}
