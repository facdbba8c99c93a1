/// Excerpts of a run's output for reports. A step's own output comes from its end event
/// (StatusEvent.output): nothing here reads the script's prose to tell steps apart.
enum OutputSegments {
    /// The last `count` lines of `text`.
    static func tail(_ text: String, _ count: Int = 12) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).joined(separator: "\n")
    }
}
