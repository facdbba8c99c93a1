import Foundation

/// The parts of docket's own executable file that are mapped into the process: the built-in
/// theme's files are string literals there. Writing one reads its bytes through those mappings,
/// and the pages read stay resident until the process ends: mermaid's bundled 3.4 MB script
/// raised the peak of every build of a site with a diagram by as much.
///
/// Read from `/proc/self/maps`; on a system without it nothing is found, and nothing released.
enum ExecutableImage {
    /// The address ranges mapped from the executable file.
    static let ranges: [Range<UInt>] = {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        else { return [] }
        var found: [Range<UInt>] = []
        for line in maps.split(separator: "\n") {
            // start-end perms offset device inode path
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, fields[5].trimmingCharacters(in: .whitespaces) == executable else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                start < end
            else { continue }
            found.append(start..<end)
        }
        return found
    }()

    /// The size of a memory page.
    static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))

    /// True when every byte of `bytes` lies in one mapping of the executable file.
    static func holds(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        let start = UInt(bitPattern: base)
        let end = start + UInt(bytes.count)
        return ranges.contains { $0.lowerBound <= start && end <= $0.upperBound }
    }

    /// Lets go of the whole pages inside `bytes`, which `holds` must have said the executable
    /// maps: the kernel reads them from the file again if they are read later. Only pages
    /// entirely inside `bytes` go, so a page shared with other data (which may have been
    /// written, as relocations are) is never touched; a string literal's bytes never are.
    static func release(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        let page = pageSize
        let start = (UInt(bitPattern: base) + page - 1) / page * page
        let end = (UInt(bitPattern: base) + UInt(bytes.count)) / page * page
        guard start < end, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, Int(end - start), MADV_DONTNEED)
    }
}
