import Foundation

/// A size-limited tmpfs mounted on the sandbox folder on the host (root only): the run's home,
/// work and control folders then live in memory with a hard size, and `nosuid,nodev` holds on
/// the host side as well as inside, so nothing the run makes there acts as setuid or as a device
/// for anyone on the host.
enum HostTmpfs {
    /// Mounts it; returns false when the kernel refuses (not root, or a container without
    /// CAP_SYS_ADMIN): the caller then falls back to RLIMIT_FSIZE and a plain folder.
    static func mount(on folder: URL, bytes: Int, owner: SandboxUser) -> Bool {
        let flags = UInt(MS_NOSUID) | UInt(MS_NODEV)
        let options = "size=\(bytes),mode=0700,uid=\(owner.uid),gid=\(owner.gid)"
        guard Glibc.mount("docket-sandbox", folder.path, "tmpfs", flags, options) == 0 else { return false }
        // Private, so its unmount does not propagate into the mount namespaces of other sandboxes
        // that copied it with their `--ro-bind / /`: a run ending while another bwrap remounts
        // that copy read-only made the other fail ("Unable to apply mount flags: remount
        // /newroot/tmp/docket-sandbox-…: No such file or directory"), with parallel runbooks.
        if Glibc.mount(nil, folder.path, nil, UInt(MS_PRIVATE), nil) != 0 {
            _ = umount2(folder.path, Int32(MNT_DETACH))
            return false
        }
        return true
    }

    /// Unmounts it, lazily: whatever still refers to it (nothing should) keeps it until it lets go.
    static func unmount(_ folder: URL) {
        _ = umount2(folder.path, Int32(MNT_DETACH))
    }
}
