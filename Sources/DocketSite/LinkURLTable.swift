/// The site URLs of a page's link destinations that are not already one, held compactly from
/// load to render: every URL in one string, and per destination only where its URL ends.
///
/// A `[String: String]` per page cost a hash table and a heap string per URL (at 2,000 pages of
/// `./page.md#anchor` links, 5 MB of a build's peak); this is two allocations a page. The
/// renderer gets a dictionary back (`dictionary`) for the one page it renders at a time.
struct LinkURLTable: Sendable {
    /// The URLs, one after another.
    private var text = ""
    /// Each destination as written, and the UTF-8 offset in `text` where its URL ends (it starts
    /// where the previous one ends).
    private var ends: [(destination: String, end: Int)] = []

    init() {}

    init(_ urls: [String: String]) {
        // Sorted so that equal dictionaries make equal tables.
        for (destination, url) in urls.sorted(by: { $0.key < $1.key }) { append(url, for: destination) }
    }

    var isEmpty: Bool { ends.isEmpty }

    mutating func append(_ url: String, for destination: String) {
        text += url
        ends.append((destination, text.utf8.count))
    }

    /// The table as a dictionary: destination → URL.
    var dictionary: [String: String] {
        var urls: [String: String] = [:]
        urls.reserveCapacity(ends.count)
        let utf8 = text.utf8
        var start = 0
        for (destination, end) in ends {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(utf8.startIndex, offsetBy: end)
            urls[destination] = String(text[lower..<upper])
            start = end
        }
        return urls
    }
}
