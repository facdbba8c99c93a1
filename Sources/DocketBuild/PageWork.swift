/// One task of a build's render stage: a page to render and write, or a batch of the search
/// index (`SearchIndexBuild`), which runs on the same threads among the pages.
enum PageWork: Sendable, Equatable {
    case page(Int)
    case searchBatch(Int)

    /// Where the batches go among the pages: evenly over the first `share` of them, so the
    /// thread that joins the last batch writes the term files while the other threads still
    /// have pages to render. Every page and every batch once; pages and batches each in order.
    static func interleaved(pages: Int, searchBatches: Int, share: Double = 0.8) -> [PageWork] {
        var work: [PageWork] = []
        work.reserveCapacity(pages + searchBatches)
        var page = 0
        for batch in 0..<searchBatches {
            let before = Int(Double(pages) * share * Double(batch) / Double(max(1, searchBatches)))
            while page < before {
                work.append(.page(page))
                page += 1
            }
            work.append(.searchBatch(batch))
        }
        while page < pages {
            work.append(.page(page))
            page += 1
        }
        return work
    }
}
