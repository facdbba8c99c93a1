/// How `IncrementalBuilder` took a change in, cheapest first.
public enum RebuildKind: Sendable, Equatable {
    /// Edits inside existing pages: only those pages parsed and rendered.
    case pages
    /// Pages added, removed or retitled: the site put together again from memory.
    case reassembled
    /// The whole site read again (docket.yml, categories, static files, theme, or a site with
    /// problems).
    case loaded
    /// The first build, or nothing was built (failed).
    case full
}
