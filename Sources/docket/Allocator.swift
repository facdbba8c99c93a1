import CMimalloc
import Foundation

/// The docket binary allocates through mimalloc, not glibc's malloc. A build makes millions of
/// small, short-lived allocations on every core (tree nodes, strings, the pages' HTML), and
/// glibc's malloc was about a seventh of a 10,000-page build's CPU time; with mimalloc the same
/// build took 0.86 of the wall time, 0.85 of the CPU and 0.96 of the peak memory (10,000 pages of
/// the shared benchmark corpus, four builds each way in turns).
///
/// Linking the library is what does it: the executable needs `libmimalloc.so` before glibc, so
/// the dynamic linker binds every `malloc` and `free` of the process (the Swift runtime's, cmark's,
/// Foundation's) to mimalloc's. `MIMALLOC_SHOW_STATS=1 docket …` prints its statistics at exit,
/// which is how the end-to-end tests see that it is in use.
enum Allocator {
    /// The linked mimalloc's version (`209` for 2.0.9). `Main` reads it once, so that a linker
    /// that drops libraries nothing refers to keeps this one.
    static var version: Int { Int(mi_version()) }

    /// How long (ms) memory freed back to mimalloc waits before it is given back to the system,
    /// unless `MIMALLOC_DECOMMIT_DELAY` says otherwise (mimalloc's own default is 25).
    ///
    /// A build lets go of large amounts at once: each page's trees after its body is rendered, each
    /// body once its page is written, the search sections once indexed. Held for 25 ms, that memory
    /// stayed resident next to what the next pages took. Peak memory, medians of 10 release builds
    /// in turns: 1,000 project pages 43.9 -> 40.2 MiB, 1,000 shared 54.8 -> 49.4; 10,000 project
    /// 252 -> 251, 10,000 shared 344 -> 335 (3 each). A build then makes about three times the
    /// `madvise` calls (306 against 102 at 1,000 shared pages, strace): no CPU or wall-time
    /// difference showed through the machine's noise in those runs. 0 took 1.2 MiB more off at 1,000
    /// pages for 850 calls and more CPU time in some runs.
    static let decommitDelay = 1

    /// How long (ms) each further free postpones a pending give-back, unless
    /// `MIMALLOC_DECOMMIT_EXTEND_DELAY` says otherwise (mimalloc's own default is 1).
    ///
    /// mimalloc 2.0 moves a segment's pending give-back this much later on every free into it
    /// before the delay has run out: a build frees all the time, so its freed memory kept being
    /// put off and stayed resident. At 0 it goes back `decommitDelay` after the first free.
    /// Peak memory, release builds in turns on tmpfs: 1,000 project pages 42.3 -> 39.2 MiB and
    /// 1,000 shared 49.4 -> 48.2 (medians of 10, the two sets of ten do not overlap); 10,000
    /// project 262 -> 252 MiB, 10,000 shared 338 -> 336 (3 each). Page faults 9,025 vs 9,050 and
    /// task clock 270 vs 277 ms, then 277 vs 278 (1,000 project pages, `perf stat -r 15`, twice).
    static let decommitExtendDelay = 0

    /// Applies `decommitDelay` and `decommitExtendDelay` (each unless its variable is set): called
    /// first thing, before the heap grows.
    static func configure() {
        if getenv("MIMALLOC_DECOMMIT_DELAY") == nil { mi_option_set(mi_option_decommit_delay, decommitDelay) }
        if getenv("MIMALLOC_DECOMMIT_EXTEND_DELAY") == nil {
            mi_option_set(mi_option_decommit_extend_delay, decommitExtendDelay)
        }
    }

    /// Sites of this many pages or more get their heap in 2 MiB pages (`prepare(forPages:)`).
    static let largePagesFrom = 5_000

    /// Maps the heap in 2 MiB pages (transparent huge pages) from here on when the site has
    /// `largePagesFrom` pages or more, unless `MIMALLOC_LARGE_OS_PAGES` says otherwise.
    ///
    /// A build touches every page of its heap about once: at 10,000 pages (shared corpus), 4 KiB
    /// pages were about 105,000 page faults, 4.2% of the build's CPU samples (perf). Turned on
    /// here, the same build takes about 25,000 faults, about 0.35 s less system and 0.15 s less
    /// user CPU time, and 3.48-3.72 s against 3.85-4.01 s (three builds each in turns, release) for
    /// 7-12 MiB more of a 420 MiB peak; at 5,000 pages 1.80-1.86 s against 1.84-1.93 s. At 2,000
    /// pages it saved nothing and cost 8 MiB of a 118 MiB peak, so smaller sites keep 4 KiB pages.
    /// mimalloc reads the option each time it maps memory, so turning it on once the page count
    /// is known applies to nearly all of a large build's heap.
    static func prepare(forPages count: Int) {
        guard count >= largePagesFrom, getenv("MIMALLOC_LARGE_OS_PAGES") == nil else { return }
        mi_option_enable(mi_option_large_os_pages)
    }
}
