import Foundation
import NIOConcurrencyHelpers

/// What the preview server serves right now: the folder of the last good build, a version that
/// changes with every build, and the problems of the last build (shown in the browser).
public final class PreviewState: Sendable {
    private struct Values {
        var folder: URL?
        var version = 0
        var problems: String?
    }

    private let lock = NIOLockedValueBox(Values())

    public init() {}

    public var folder: URL? { lock.withLockedValue { $0.folder } }
    public var version: Int { lock.withLockedValue { $0.version } }
    public var problems: String? { lock.withLockedValue { $0.problems } }

    /// A build succeeded into `folder`.
    public func published(_ folder: URL) {
        lock.withLockedValue {
            $0.folder = folder
            $0.problems = nil
            $0.version += 1
        }
    }

    /// A build failed: keep the last site, show the problems instead of pages.
    public func failed(_ problems: String) {
        lock.withLockedValue {
            $0.problems = problems
            $0.version += 1
        }
    }
}
