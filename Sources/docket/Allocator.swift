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
///
/// Its memory is asked of the kernel in 2 MiB pages (`large_os_pages`; Linux backs them with
/// transparent huge pages where it allows them, as Debian does on request): a build touches
/// hundreds of MiB once, and with 4 KiB pages a page fault (and its zeroing) for each was a
/// twentieth of a 10,000-page build's CPU. Five builds each way in turns: 0.90 of the wall and
/// CPU time, 1.03 of the peak memory. `MIMALLOC_LARGE_OS_PAGES=0` in the environment turns it off.
enum Allocator {
    /// The linked mimalloc's version (`209` for 2.0.9). `Main` reads it once, so that a linker
    /// that drops libraries nothing refers to keeps this one.
    static var version: Int { Int(mi_version()) }

    /// Sets mimalloc's options, before the build allocates most of its memory. An option set in
    /// the environment (`MIMALLOC_…`) is left as it is.
    static func configure() {
        if getenv("MIMALLOC_LARGE_OS_PAGES") == nil { mi_option_set(mi_option_large_os_pages, 1) }
    }
}
