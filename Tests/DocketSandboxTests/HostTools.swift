import DocketSandbox
import Foundation

/// The sandbox's programs as the command line finds them: on this process's PATH.
enum HostTools {
    static let sandbox = SandboxTools { Executables.find($0, path: ProcessInfo.processInfo.environment["PATH"]) }
    /// Whether sandboxed runs can be tested here.
    static var available: Bool { sandbox.bubblewrap != nil }
}
