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
        self.init(urls.sorted(by: { $0.key < $1.key }).map { (destination: $0.key, url: $0.value) })
    }

    /// A table of `entries`, in storage of exactly their size: built by appending, the string
    /// and the array kept up to as much room again unused.
    init(_ entries: [(destination: String, url: String)]) {
        text.reserveCapacity(entries.reduce(0) { $0 + $1.url.utf8.count })
        ends.reserveCapacity(entries.count)
        for (destination, url) in entries {
            text += url
            ends.append((destination, text.utf8.count))
        }
    }

    var isEmpty: Bool { ends.isEmpty }

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
