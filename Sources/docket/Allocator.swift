import CMimalloc

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
}
