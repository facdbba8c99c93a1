import Foundation

/// Writes a site aside and swaps it in at the end, so a failed or interrupted build leaves the
/// previous site untouched.
struct OutputFolder: Sendable {
    let target: URL
    let staging: URL

    let inPlace: Bool

    init(target: URL) {
        self.target = target
        let parent = target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".docket-staging-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        inPlace = false
    }

    /// Writes straight into `target` (the preview server's folder, updated page by page).
    init(updating target: URL) {
        self.target = target
        staging = target
        inPlace = true
    }

    func prepare() throws {
        if inPlace {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            return
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `relativePath` (`docs/intro/index.html`) under the staging folder.
    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Plain open/write/close: Foundation's Data.write syncs each file to disk, which costs
        // more than rendering the page. The folder is swapped in whole at the end anyway.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                }
                offset += written
            }
        }
    }

    /// Copies a file's bytes (not its owner, which FileManager.copyItem tries to keep and an
    /// ordinary user cannot set on someone else's files).
    func copy(_ source: URL, to relativePath: String) throws {
        try write(try Data(contentsOf: source), to: relativePath)
    }

    /// Replaces the target with the staging folder.
    func commit() throws {
        if inPlace { return }
        let fm = FileManager.default
        let old = target.deletingLastPathComponent()
            .appendingPathComponent(".docket-old-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: target.path) {
            try fm.moveItem(at: target, to: old)
        }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: target) }
            throw error
        }
        try? fm.removeItem(at: old)
    }

    func discard() {
        if inPlace { return }
        try? FileManager.default.removeItem(at: staging)
    }
}
