/// A multi-line body announced on one line and starting on the next: a shell heredoc (until
/// its delimiter line) or a YAML block scalar (while lines are indented deeper than `indent`).
enum PendingBody: Sendable {
    case heredoc(delimiter: [UInt8], stripTabs: Bool)
    case indented(indent: Int)
}
