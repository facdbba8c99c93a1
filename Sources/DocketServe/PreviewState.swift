import Foundation
import NIOConcurrencyHelpers

/// What the preview server serves right now: the folder of the last good build, a version that
/// changes with every build, and the problems of the last build (shown in the browser). Pages
/// hold a reload channel open (`subscribe`) and hear of every new version at once.
public final class PreviewState: Sendable {
    private struct Values {
        var folder: URL?
        var version = 0
        var problems: [ShownProblem]?
        var listeners: [Int: @Sendable (Int) -> Void] = [:]
        var nextListener = 0
        var materialize: (@Sendable (String) -> Void)?
    }

    private let lock = NIOLockedValueBox(Values())

    public init() {}

    public var folder: URL? { lock.withLockedValue { $0.folder } }
    public var version: Int { lock.withLockedValue { $0.version } }
    public var problems: [ShownProblem]? { lock.withLockedValue { $0.problems } }

    /// A build succeeded into `folder`.
    public func published(_ folder: URL) {
        announce {
            $0.folder = folder
            $0.problems = nil
        }
    }

    /// A build failed: keep the last site, show the problems instead of pages.
    public func failed(_ problems: [ShownProblem]) {
        announce { $0.problems = problems }
    }

    private func announce(_ change: (inout Values) -> Void) {
        let (version, listeners) = lock.withLockedValue { values -> (Int, [@Sendable (Int) -> Void]) in
            change(&values)
            values.version += 1
            return (values.version, Array(values.listeners.values))
        }
        for listener in listeners { listener(version) }
    }

    /// Calls `listener` with each new version; returns a key for `unsubscribe`.
    func subscribe(_ listener: @escaping @Sendable (Int) -> Void) -> Int {
        lock.withLockedValue { values in
            values.nextListener += 1
            values.listeners[values.nextListener] = listener
            return values.nextListener
        }
    }

    func unsubscribe(_ key: Int) {
        lock.withLockedValue { _ = $0.listeners.removeValue(forKey: key) }
    }

    /// Files of the site may be written lazily: `materialize` is called with the path of a
    /// file (relative to the folder) before it is read, to write it first if it is pending.
    public func setMaterializer(_ materialize: @escaping @Sendable (String) -> Void) {
        lock.withLockedValue { $0.materialize = materialize }
    }

    func materialize(_ path: String) {
        lock.withLockedValue { $0.materialize }?(path)
    }
}
