/// Pages parsed by an earlier load, handed to `SitePipeline` so a page whose text did not
/// change is not parsed again (`docket serve` keeps one between rebuilds).
public protocol ParsedPageStore: Sendable {
    /// The page parsed from exactly this text; `parse` runs when the text is new or changed.
    func page(source: String, text: String, parse: () -> ParsedPage) -> ParsedPage
}
