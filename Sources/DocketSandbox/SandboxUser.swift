import Foundation

/// The unprivileged host user a sandbox runs as when docket runs as root. bwrap is started as
/// this user (uid, gid, no supplementary groups, no_new_privs), so uid 0 inside the sandbox's
/// user namespace is this user outside: host files keep their usual permissions against it.
public struct SandboxUser: Sendable, Equatable {
    public var uid: UInt32
    public var gid: UInt32

    public init(uid: UInt32, gid: UInt32) {
        self.uid = uid
        self.gid = gid
    }

    /// `nobody`/`nogroup`.
    public static let nobody = SandboxUser(uid: 65534, gid: 65534)

    /// The environment variable the command line reads the user from: `UID:GID` (numbers) or a
    /// user name (its primary group). Root (0) is refused.
    public static let variable = "DOCKET_SANDBOX_USER"

    /// The user `value` of `DOCKET_SANDBOX_USER` names; an empty value is `nobody`.
    public static func parse(_ value: String) throws(SandboxError) -> SandboxUser {
        if value.isEmpty { return .nobody }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        var user: SandboxUser?
        if parts.count == 2, let uid = UInt32(parts[0]), let gid = UInt32(parts[1]) {
            user = SandboxUser(uid: uid, gid: gid)
        } else if parts.count == 1, let entry = getpwnam(value) {
            user = SandboxUser(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
        }
        guard let user else { throw .setup("\(variable)=\(value): expected UID:GID or an existing user name") }
        if user.uid == 0 || user.gid == 0 {
            throw .setup("\(variable)=\(value): the sandbox user must not be root (uid or gid 0)")
        }
        return user
    }

    /// Whether this user can open `path` for reading: every folder above it searchable and the
    /// file readable, by the owner, group or other bits that apply to it.
    func canRead(_ path: String) -> Bool {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var current = ""
        for (index, component) in components.enumerated() {
            current = index == 0 ? component : (current == "/" ? "/" + component : current + "/" + component)
            var info = stat()
            guard stat(current, &info) == 0 else { return false }
            let last = index == components.count - 1
            let need: mode_t = last ? 0o4 : 0o1
            let bits: mode_t =
                info.st_uid == uid
                ? (info.st_mode >> 6) & 7 : info.st_gid == gid ? (info.st_mode >> 3) & 7 : info.st_mode & 7
            if bits & need == 0 { return false }
        }
        return true
    }
}
