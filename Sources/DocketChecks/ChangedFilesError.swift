/// Why `--changed-since` cannot tell what changed: each is a usage error (exit 2), since
/// checking everything instead would hide the mistake and checking nothing would pass.
public enum ChangedFilesError: Error, Equatable, CustomStringConvertible {
    /// `git` is not installed (not on PATH).
    case noGit
    /// The site is not inside a git work tree.
    case notARepository(String)
    /// The ref names no commit here (a typo, or a branch the CI checkout did not fetch).
    case unknownRef(String)
    /// git itself failed (no merge base in a shallow clone, say): the command and its message.
    case gitFailed(String, String)

    public var description: String {
        switch self {
        case .noGit:
            return "--changed-since needs git, which is not on PATH"
        case .notARepository(let folder):
            return "--changed-since needs a git repository, and \(folder) is not in one"
        case .unknownRef(let ref):
            return
                "--changed-since \(ref): no such commit, branch or tag in this repository (in CI, fetch it first: a shallow checkout has only HEAD)"
        case .gitFailed(let command, let message):
            return "--changed-since: \(command) failed: \(message)"
        }
    }
}
