/// A page body rendered before its links are resolved: the HTML with the URL of every link and
/// image left out, and where each goes. A build renders each page's body this way on the core
/// that parsed it and keeps this instead of the page's tree (`HTMLRenderer.renderLinked`): the
/// HTML of 1,000 pages is about half the size of their trees, which were most of a build's heap.
/// `html(linkURLs:)` then writes exactly what `HTMLRenderer.render` writes with those URLs.
public struct LinkedHTML: Sendable {
    /// The HTML, without the URLs.
    let text: String
    /// The places of the URLs, in the order they occur in `text`.
    let holes: [Hole]

    /// Where one link's or image's URL goes.
    struct Hole: Sendable {
        /// The destination as written, looked up in the page's resolved URLs.
        var destination: String
        /// The byte offset in `text` of the URL, inside the `href` or `src` attribute's quotes.
        var offset: Int32
        /// For a link, the byte offset where ` target="_blank" rel="noopener noreferrer"` goes
        /// when the URL is a web link (after the title); -1 for an image.
        var targetOffset: Int32
    }

    /// The HTML with each destination written as its URL in `linkURLs` (itself when absent), as
    /// `HTMLRenderer.linkURLs` has it.
    public func html(linkURLs: [String: String]) -> String {
        guard !holes.isEmpty else { return text }
        // Each URL escaped, and whether it opens in a new tab; then the whole text in one string.
        var pieces: [(escaped: String, isWebLink: Bool)] = []
        pieces.reserveCapacity(holes.count)
        let target = HTMLRenderer.webLinkTarget
        var total = text.utf8.count
        for hole in holes {
            let url = HTMLRenderer.url(of: hole.destination, in: linkURLs)
            let escaped = url.htmlEscaped
            let isWebLink = hole.targetOffset >= 0 && HTMLRenderer.isWebLink(url)
            total += escaped.utf8.count + (isWebLink ? target.utf8.count : 0)
            pieces.append((escaped, isWebLink))
        }
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: total) { out in
                var written = 0
                var read = 0
                func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                    UnsafeMutableRawPointer(out.baseAddress! + written).copyMemory(from: base, byteCount: bytes.count)
                    written += bytes.count
                }
                func copy(to offset: Int) {
                    copy(UnsafeBufferPointer(rebasing: source[read..<offset]))
                    read = offset
                }
                for (index, hole) in holes.enumerated() {
                    copy(to: Int(hole.offset))
                    pieces[index].escaped.withUTF8Bytes { copy($0) }
                    if pieces[index].isWebLink {
                        copy(to: Int(hole.targetOffset))
                        target.withUTF8Bytes { copy($0) }
                    }
                }
                copy(to: source.count)
                return written
            }
        }
    }
}
