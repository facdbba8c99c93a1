import DocketSite
import Foundation

/// The last commit of every file of the content folder, from one `git log` run for the whole site
/// (not one per page). Not a git checkout, no git, or a failing git: an empty map, never an error,
/// as a site built from a tarball simply has no dates.
enum GitLastUpdates {
    /// Content-relative path → newest commit time and author.
    static func read(content: URL) -> [String: LastUpdate] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `--relative` keeps only the files under the content folder and prints their paths from it;
        // quotePath off so non-ASCII names come out as they are.
        process.arguments = [
            "git", "-c", "core.quotePath=false", "log", "--format=%x00%ct%x09%an",
            "--name-only", "--relative", "--no-renames", "--", ".",
        ]
        process.currentDirectoryURL = content
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// Reads the log, newest commit first: the first commit naming a file is its last change.
    static func parse(_ log: String) -> [String: LastUpdate] {
        var result: [String: LastUpdate] = [:]
        for commit in log.split(separator: "\0") {
            var lines = commit.split(separator: "\n", omittingEmptySubsequences: true)
            guard !lines.isEmpty else { continue }
            let header = lines.removeFirst().split(separator: "\t", maxSplits: 1)
            guard let time = header.first.flatMap({ Int64($0) }) else { continue }
            let author = header.count > 1 ? String(header[1]) : nil
            for file in lines where result[String(file)] == nil {
                result[String(file)] = LastUpdate(time: time, author: author)
            }
        }
        return result
    }
}
