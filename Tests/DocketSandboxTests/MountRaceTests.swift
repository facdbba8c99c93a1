import Testing

@testable import DocketSandbox

/// Parallel runbooks each start a bwrap that copies the host's mount table (`--ro-bind / /`),
/// which holds the other runs' tmpfs folders: one ending while another copies made the other
/// fail before its runbook started. Those failures are retried; any other bwrap error is not.
@Suite struct MountRaceTests {
    @Test(arguments: [
        #"bwrap: Can't bind mount /oldroot/ on /newroot/: Unable to apply mount flags: remount "/newroot/tmp/docket-sandbox-XXMmwFhc": No such file or directory"#,
        #"bwrap: Can't bind mount /oldroot/ on /newroot/: Unable to apply mount flags: remount "/newroot/tmp/docket-sandbox-XX5zb3Zx": Invalid argument"#,
    ])
    func aMountThatWentAwayIsARace(message: String) {
        #expect(Sandbox.isMountRace(message))
    }

    @Test(arguments: [
        "bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces",
        "bwrap: Can't find source path /nonexistent: No such file or directory",
        "bwrap: execvp /bin/bash: No such file or directory",
    ])
    func otherBubblewrapFailuresAreNotRetried(message: String) {
        #expect(!Sandbox.isMountRace(message))
    }
}
