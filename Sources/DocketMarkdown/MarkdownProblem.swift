/// A limit of the Markdown stage that a page broke, at its place in the file; the document stage
/// turns it into an error of the page.
struct MarkdownProblem: Sendable {
    var line: Int
    var column: Int
    var message: String
}
