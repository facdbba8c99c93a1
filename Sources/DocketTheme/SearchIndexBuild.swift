import DocketSite
import Foundation
import Synchronization

/// The search files of a site made a batch of pages at a time, by whichever threads run the
/// batches (`run(batch:emit:)`), in any order: a build runs them among its pages, on the threads
/// that render the pages, so the index's work is spread over the whole render instead of left
/// to a thread of its own.
///
/// A batch's work (its sections' text quoted for the text files, their terms tokenised into a
/// table of the batch's own) is done by the thread that runs it. The batches are then joined in
/// order, one thread at a time: the thread that finds the next batch ready joins it and every
/// ready batch after it, cutting the text files and writing each as soon as it is full. The
/// thread that joins the last batch writes the term files and `search-index.json`, so the
/// files are those `SearchIndex.write` makes, whatever ran the batches and in what order.
///
/// Release builds in turns on tmpfs, with the index on a thread of its own beside the render
/// (each batch's chunks on every core): at 1,000 project pages that thread ended 11-24 ms
/// after the last page was written, and those milliseconds ran on fewer than one core.
public final class SearchIndexBuild<Failure: Error>: Sendable {
    /// The number of batches: `run(batch:emit:)` must be called once with each of
    /// `0..<batchCount`. The last holds the generated category pages.
    public let batchCount: Int

    private let site: Site
    /// The listed pages by their index in `site.pages`, in the index's order.
    private let listed: [Int]
    private let pagesPerBatch: Int
    private let releasing: Bool
    private let waiting = Mutex(Waiting())
    private let joined = Mutex(Joined())
    private let done = DispatchSemaphore(value: 0)

    /// A batch's part of the index: its sections' text file entries and its terms, numbered
    /// from the batch's first section (0).
    private struct Batch: Sendable {
        var entries: [String] = []
        var terms = TermTable<PostingList>()
    }

    /// Batches made but not yet joined, and whether a thread is joining.
    private struct Waiting: ~Copyable {
        var ready: [Int: Batch] = [:]
        var next = 0
        var joining = false
    }

    /// The index so far: read and written only by the thread joining batches.
    private struct Joined: ~Copyable {
        var sectionCount = 0
        var fragment = ""
        var fragmentStarts: [Int] = []
        var fragmentCount = 0
        var postings = TermTable<PostingList>()
        var failure: Failure?
    }

    /// With `releasingSections`, each prepared page's search sections are given back as soon as
    /// they are read (`PreparedBody.releaseSearchSections`): for a build, which reads them once.
    public convenience init(_ site: Site, releasingSections: Bool = false) {
        self.init(site, pagesPerBatch: SearchIndex.pagesPerBatch, releasingSections: releasingSections)
    }

    /// With the batch size as a parameter (tests make batches of a page or two).
    init(_ site: Site, pagesPerBatch: Int, releasingSections: Bool = false) {
        self.site = site
        listed = SearchIndex.listedPages(of: site)
        self.pagesPerBatch = pagesPerBatch
        releasing = releasingSections
        batchCount = (listed.count + pagesPerBatch - 1) / pagesPerBatch + 1
    }

    /// Makes batch `number` and joins every batch that is ready in order, unless another thread
    /// is joining (it joins this one too). Files are handed to `emit` by the thread that joins,
    /// by path relative to `assets/docket/`, each once; after a failure no more are.
    public func run(batch number: Int, emit: (_ path: String, _ content: String) throws(Failure) -> Void) {
        precondition(number >= 0 && number < batchCount, "no batch \(number) of \(batchCount)")
        let batch = make(number)
        let joins = waiting.withLock { waiting -> Bool in
            precondition(waiting.ready[number] == nil && number >= waiting.next, "batch \(number) ran twice")
            waiting.ready[number] = batch
            if waiting.joining { return false }
            waiting.joining = true
            return true
        }
        guard joins else { return }
        while let (next, batch) = waiting.withLock({ waiting -> (Int, Batch)? in
            if let batch = waiting.ready.removeValue(forKey: waiting.next) {
                waiting.next += 1
                return (waiting.next - 1, batch)
            }
            waiting.joining = false
            return nil
        }) {
            joined.withLock { joined in
                join(batch, into: &joined, emit: emit)
                if next == batchCount - 1 { finish(&joined, emit: emit) }
            }
            if next == batchCount - 1 { done.signal() }
        }
    }

    /// Waits until every batch has been run and joined; the first failure to write a file.
    public func wait() -> Failure? {
        done.wait()
        done.signal()
        return joined.withLock { $0.failure }
    }

    /// The sections of the batch's pages (or of the generated category pages, for the last),
    /// quoted and tokenised on this thread.
    private func make(_ number: Int) -> Batch {
        var batch = Batch()
        var id = 0
        func add(_ sections: [SearchSection]) {
            for index in sections.indices {
                batch.entries.append(SearchIndex.fragmentEntry(sections[index]))
                SearchIndex.addTerms(of: sections[index], as: id << 4, to: &batch.terms)
                id += 1
            }
        }
        if number < batchCount - 1 {
            let pages = (number * pagesPerBatch)..<min(listed.count, (number + 1) * pagesPerBatch)
            batch.entries.reserveCapacity(pages.count * 4)
            for index in pages {
                add(SearchIndex.sections(of: site, listed: listed[index], as: index, releasing: releasing))
            }
        } else {
            add(SearchIndex.generatedSections(of: site, firstPage: listed.count))
        }
        return batch
    }

    /// Appends a batch's entries to the text files (writing each as it fills) and its terms to
    /// the site's, its sections numbered on from the index's.
    private func join(
        _ batch: consuming Batch, into joined: inout Joined, emit: (String, String) throws(Failure) -> Void
    ) {
        let firstID = joined.sectionCount
        joined.sectionCount += batch.entries.count
        guard joined.failure == nil else { return }
        for (offset, entry) in batch.entries.enumerated() {
            if joined.fragment.isEmpty {
                joined.fragmentStarts.append(firstID + offset)
                // Room for a whole file at once: grown by doubling, each file's text was copied
                // about twice more on its way to 16 KB.
                joined.fragment.reserveCapacity(SearchIndex.fragmentBytes + entry.utf8.count + 16)
                joined.fragment += "["
            } else {
                joined.fragment += ",\n"
            }
            joined.fragment += entry
            if joined.fragment.utf8.count >= SearchIndex.fragmentBytes {
                joined.fragment += "]\n"
                do throws(Failure) {
                    try emit("search/f\(joined.fragmentCount).json", joined.fragment)
                } catch {
                    joined.failure = error
                    return
                }
                joined.fragmentCount += 1
                joined.fragment = ""
            }
        }
        // Section ids only grow from one batch to the next, so appending keeps every list ascending.
        joined.postings.append(batch.terms, from: firstID)
    }

    /// The last text file, the term files and `search-index.json`, which names them.
    private func finish(_ joined: inout Joined, emit: (String, String) throws(Failure) -> Void) {
        guard joined.failure == nil else { return }
        do throws(Failure) {
            if !joined.fragment.isEmpty {
                try emit("search/f\(joined.fragmentCount).json", joined.fragment + "]\n")
                joined.fragment = ""
            }
            try SearchIndex.writeFiles(
                pages: SearchIndex.indexedPages(of: site, listed: listed),
                sectionCount: joined.sectionCount, fragmentStarts: joined.fragmentStarts, postings: joined.postings,
                emit: emit)
        } catch {
            joined.failure = error
        }
    }
}
