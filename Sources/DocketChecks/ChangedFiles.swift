import Foundation
import Synchronization

/// `--changed-since REF`: the files that differ between a git ref and what is on disk now — the
/// commits of this branch since it left REF (`git diff REF...HEAD`, as a pull request shows
/// them), plus changes not committed yet, staged or not, and new files git does not ignore.
public struct ChangedFiles: Sendable {
    /// The ref as the user wrote it (for messages).
    public var ref: String
    /// Absolute paths (symbolic links of the repository folder resolved), deleted files included.
    public var paths: Set<String>

    public init(ref: String, paths: Set<String>) {
        self.ref = ref
        self.paths = paths
    }

    /// Asks `git` (the executable, found by the caller on PATH: nil when there is none), run
    /// with `environment` (the caller's), in the repository holding `folder`.
    public static func since(_ ref: String, in folder: URL, git: URL?, environment: [String: String])
        throws(ChangedFilesError) -> ChangedFiles
    {
        guard let git else { throw .noGit }
        let run = { (arguments: [String], folder: URL) in Self.run(git, arguments, in: folder, environment: environment)
        }
        // A ref that starts with '-' would be read by git as an option.
        guard !ref.isEmpty, !ref.hasPrefix("-") else { throw .unknownRef(ref) }
        // git cannot even start in a folder that is not there.
        guard FileManager.default.fileExists(atPath: folder.path) else { throw .notARepository(folder.path) }
        let top: String
        switch run(["rev-parse", "--show-toplevel"], folder) {
        case .failure(.notRun): throw .noGit
        // Anything else git refuses (a repository of another user, say) is said in git's words.
        case .failure(.failed(let message)) where !message.contains("not a git repository"):
            throw .gitFailed("git rev-parse --show-toplevel", message)
        case .failure: throw .notARepository(folder.path)
        case .success(let output): top = output.trimmingCharacters(in: .newlines)
        }
        let repository = URL(fileURLWithPath: top)
        guard case .success = run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], repository) else {
            throw .unknownRef(ref)
        }
        var names: [String] = []
        // `--no-renames`: a moved page is listed under its old and its new name.
        for arguments in [
            ["diff", "--name-only", "--no-renames", "-z", ref + "...HEAD"],
            ["diff", "--name-only", "--no-renames", "-z", "HEAD"],
            ["ls-files", "--others", "--exclude-standard", "-z"],
        ] {
            switch run(arguments, repository) {
            case .success(let output): names += output.split(separator: "\0").map(String.init)
            case .failure(.failed(let message)): throw .gitFailed("git " + arguments.joined(separator: " "), message)
            case .failure(.notRun): throw .noGit
            }
        }
        return ChangedFiles(ref: ref, paths: Set(names.map { top + "/" + $0 }))
    }

    private enum GitFailure: Error {
        case notRun
        case failed(String)
    }

    /// Runs `git` with `arguments` in `folder`: its standard output, or its standard error.
    private static func run(_ git: URL, _ arguments: [String], in folder: URL, environment: [String: String]) -> Result<
        String, GitFailure
    > {
        let process = Process()
        process.executableURL = git
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // A user's pager or a translated message must not change what is read here.
        var environment = environment
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.notRun) }
        // Standard error is read on another thread: git must never block on a full pipe.
        let errorText = ErrorText()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorText.value = errors.fileHandleForReading.readDataToEndOfFile()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else {
            return .failure(
                .failed(
                    String(decoding: errorText.value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// Standard error of a git run, filled in by its reader.
    private final class ErrorText: Sendable {
        private let stored = Mutex(Data())
        var value: Data {
            get { stored.withLock { $0 } }
            set { stored.withLock { $0 = newValue } }
        }
    }
}
