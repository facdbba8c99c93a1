import DocketBuild
import DocketSite
import NIOConcurrencyHelpers

/// Parsed pages kept between loads of `docket serve`: a page whose text did not change is not
/// parsed again. Safe to use from the parallel parse stage.
public final class ParseCache: ParsedPageStore {
    private struct Entry {
        var text: String
        var page: ParsedPage
    }

    private let entries = NIOLockedValueBox([String: Entry]())

    public init() {}

    /// The page parsed from exactly this text, parsing it when it is new or changed.
    public func page(source: String, text: String, parse: () -> ParsedPage) -> ParsedPage {
        if let entry = entries.withLockedValue({ $0[source] }), entry.text == text { return entry.page }
        let page = parse()
        entries.withLockedValue { $0[source] = Entry(text: text, page: page) }
        return page
    }

    /// Records a page parsed elsewhere (`docket serve`'s edits of single pages).
    func store(source: String, text: String, page: ParsedPage) {
        entries.withLockedValue { $0[source] = Entry(text: text, page: page) }
    }

    /// The text each page had when it was last parsed.
    var texts: [String: String] { entries.withLockedValue { $0.mapValues(\.text) } }
}
