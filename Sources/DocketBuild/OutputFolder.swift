import DocketSite
import Foundation

/// Writes a site aside and swaps it in at the end, so a failed or interrupted build leaves the
/// previous site untouched.
///
/// Next to the output folder `_site` a build uses `.docket-lock-_site` (held while it runs),
/// `.docket-staging-_site-PID` (the new site being written) and `.docket-old-_site-PID` (the
/// previous site on its way out). Staging and old folders left by a killed build are removed by
/// the next one.
struct OutputFolder: Sendable {
    /// The output folder (its real path, see `OutputGuard`).
    let target: URL
    let staging: URL
    /// `staging.path`, made once.
    let stagingPath: String
    /// How the user names the output folder.
    let display: String

    let inPlace: Bool

    init(target: URL, display: String? = nil) {
        self.target = target
        self.display = display ?? target.path
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".docket-staging-\(target.lastPathComponent)-\(pid)")
        stagingPath = staging.path
        inPlace = false
    }

    /// Writes straight into `target` (the preview server's folder, updated page by page); each
    /// file is written aside and renamed over the old one, so a reader never sees half a page.
    init(updating target: URL) {
        self.target = target
        display = target.path
        staging = target
        stagingPath = target.path
        inPlace = true
    }

    private var parent: String { target.deletingLastPathComponent().path }
    private var old: String {
        parent + "/.docket-old-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Takes the lock, clears what crashed builds left, and starts an empty staging folder
    /// holding the marker. Returns the lock, held until the build ends.
    func prepare() throws(OutputWriteError) -> OutputLock? {
        if inPlace {
            try Self.makeDirectories(target.path)
            try write(Data(OutputGuard.markerText.utf8), to: OutputGuard.markerName)
            return nil
        }
        try Self.makeDirectories(parent)
        let lock = try OutputLock.acquire(parent + "/.docket-lock-\(target.lastPathComponent)", for: display)
        removeLeftovers()
        try Self.makeDirectories(staging.path)
        try write(Data(OutputGuard.markerText.utf8), to: OutputGuard.markerName)
        return lock
    }

    /// Staging and old folders of builds into this folder that were killed (the lock is held, so
    /// none of them is running).
    private func removeLeftovers() {
        let name = target.lastPathComponent
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            for prefix in [".docket-staging-\(name)-", ".docket-old-\(name)-"] where entry.hasPrefix(prefix) {
                let pid = entry.dropFirst(prefix.count)
                if !pid.isEmpty, pid.allSatisfy(\.isASCII), pid.allSatisfy(\.isNumber) {
                    try? FileManager.default.removeItem(atPath: parent + "/" + entry)
                }
            }
        }
    }

    /// Writes `relativePath` (`docs/intro/index.html`) under the staging folder. The text's
    /// UTF-8 bytes are written as they are: a `Data` copy of every page cost as much as the write.
    func write(_ text: String, to relativePath: String) throws(OutputWriteError) {
        var text = text
        try text.withUTF8 { bytes in
            Result { () throws(OutputWriteError) in try write(UnsafeRawBufferPointer(bytes), to: relativePath) }
        }.get()
    }

    func write(_ data: Data, to relativePath: String) throws(OutputWriteError) {
        try data.withUnsafeBytes { bytes in
            Result { () throws(OutputWriteError) in try write(bytes, to: relativePath) }
        }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws(OutputWriteError) {
        // Joined as text: a URL made for every file of a large site was most of the cost of naming it.
        let path = stagingPath + "/" + relativePath
        guard inPlace else {
            try Self.writeFile(bytes, at: path)
            return
        }
        let directory = Self.parentPath(path)
        let aside = directory + "/.docket-tmp-\(UUID().uuidString)"
        try Self.writeFile(bytes, at: aside)
        guard rename(aside, path) == 0 else {
            let code = errno
            unlink(aside)
            throw OutputWriteError(action: "replace", path: path, code: code)
        }
    }

    /// Copies a file's bytes (not its owner, which an ordinary user cannot set on someone else's
    /// files).
    func copy(_ source: URL, to relativePath: String) throws(OutputWriteError) {
        try write(try Self.readFile(source.path), to: relativePath)
    }

    /// Replaces the target with the staging folder in one step (see `FolderSwap`).
    func commit() throws(OutputWriteError) {
        if inPlace { return }
        var info = stat()
        if lstat(target.path, &info) == 0 {
            let previous = try FolderSwap.exchange(staging.path, target.path, aside: old)
            try? FileManager.default.removeItem(atPath: previous)
        } else if rename(staging.path, target.path) != 0 {
            throw OutputWriteError(action: "move the new site to", path: target.path, code: errno)
        }
    }

    func discard() {
        if inPlace { return }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Plain open/write/close: Foundation's Data.write syncs each file to disk, which costs more
    /// than rendering the page. The folder is swapped in whole at the end anyway.
    private static func writeFile(_ buffer: UnsafeRawBufferPointer, at path: String) throws(OutputWriteError) {
        // A page is written as `<page>/index.html`, in a folder of its own that does not exist
        // yet: making the folder first saves a failed open (a path walk) for every page.
        if path.utf8.count > 11 && path.hasSuffix("/index.html") {
            let folder = parentPath(path)
            if mkdir(folder, 0o755) != 0 && errno == ENOENT { try makeDirectories(folder) }
        }
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try makeDirectories(parentPath(path))
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw OutputWriteError(action: "create the file", path: path, code: errno) }
        defer { close(fd) }
        // A file compiled into docket is written a chunk at a time, each chunk's pages of the
        // executable let go once written (see `ExecutableImage`).
        let embedded = buffer.count > Self.embeddedChunk && ExecutableImage.holds(buffer)
        var offset = 0
        var released = 0
        while offset < buffer.count {
            let length = embedded ? min(Self.embeddedChunk, buffer.count - offset) : buffer.count - offset
            let written = Foundation.write(fd, buffer.baseAddress! + offset, length)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputWriteError(action: "write", path: path, code: errno)
            }
            offset += written
            if embedded {
                ExecutableImage.release(UnsafeRawBufferPointer(rebasing: buffer[released..<offset]))
                // The next chunk's release starts at the page this one ended in.
                let address = UInt(bitPattern: buffer.baseAddress! + offset)
                released = max(released, offset - Int(address % ExecutableImage.pageSize))
            }
        }
    }

    /// Bytes of a compiled-in file written before its pages are let go.
    static let embeddedChunk = 1 << 18

    private static func readFile(_ path: String) throws(OutputWriteError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputWriteError(action: "read", path: path, code: errno) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputWriteError(action: "read", path: path, code: errno)
            }
            if count == 0 { return data }
            data.append(buffer, count: count)
        }
    }

    /// The folder of the output that serves the site's base URL, ending in `/` (`handbook/` for
    /// `/handbook/`), or empty for `/`: runbooks, static files and page assets are written there.
    static func basePrefix(_ config: SiteConfig) -> String {
        let folder = URLPath.outputFile(for: config.baseURL).map(parentPath) ?? ""
        return folder.isEmpty ? "" : folder + "/"
    }

    /// The folder of `path` (its text before the last `/`): a byte search, where NSString's
    /// `deletingLastPathComponent` bridged for every page written.
    static func parentPath(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir -p`, with the failing folder and the reason in the error.
    static func makeDirectories(_ path: String) throws(OutputWriteError) {
        if mkdir(path, 0o755) == 0 { return }
        var code = errno
        if code == ENOENT {
            let parent = parentPath(path)
            if parent != path && !parent.isEmpty {
                try makeDirectories(parent)
                if mkdir(path, 0o755) == 0 { return }
                code = errno
            }
        }
        var info = stat()
        if code == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
        throw OutputWriteError(action: "create the folder", path: path, code: code == EEXIST ? ENOTDIR : code)
    }
}
