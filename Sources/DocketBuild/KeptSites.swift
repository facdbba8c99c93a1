import Synchronization

/// Loaded sites that are never freed: the sites of builds whose process exits right after them
/// (`BuildOptions.keepsSiteUntilExit`). The operating system takes back the memory of a process
/// in one step, where releasing a large site frees each page's tree, string and array one by one.
enum KeptSites {
    private static let sites = Mutex<[LoadedSite]>([])

    static func keep(_ site: LoadedSite) {
        sites.withLock { $0.append(site) }
    }

    /// How many sites are kept (for tests).
    static var count: Int { sites.withLock { $0.count } }
}
