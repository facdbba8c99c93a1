import Foundation

/// A file-system failure while writing the site, in plain words: what docket tried, on which
/// path, and the system's reason.
public struct OutputWriteError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    init(message: String) {
        self.message = message
    }

    /// `cannot <action> <path>: <reason>`, the reason from `errno`.
    init(action: String, path: String, code: Int32) {
        message = "cannot \(action) \(path): \(String(cString: strerror(code)))"
    }
}
