import DocketBuild
import DocketDiagnostics
import Foundation

/// `docket serve`'s loop: waits for changes under the folders the loaded site names (its
/// content and static folders, docket.yml, themes/), rebuilds, and publishes the result, which
/// reloads the open pages.
public final class WatchLoop: @unchecked Sendable {
    private let builder: IncrementalBuilder
    private let state: PreviewState
    private let output: URL
    private let report: @Sendable (IncrementalBuilder.Outcome, TimeInterval) -> Void

    /// - Parameter report: told of every build and how long it took (seconds).
    public init(
        builder: IncrementalBuilder, state: PreviewState, output: URL,
        report: @escaping @Sendable (IncrementalBuilder.Outcome, TimeInterval) -> Void
    ) {
        self.builder = builder
        self.state = state
        self.output = output
        self.report = report
        let builder = self.builder
        state.setMaterializer { builder.materialize($0) }
    }

    /// Builds once, after `changes` (absolute paths; nil: everything), and publishes the result.
    public func rebuild(changes: Set<String>? = nil) {
        let started = Date()
        let outcome = builder.build(changes: changes)
        if outcome.result.succeeded {
            state.published(output)
        } else {
            let folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
            state.failed(outcome.result.diagnostics.sorted.prefix(50).map { ShownProblem($0, folders: folders) })
        }
        report(outcome, Date().timeIntervalSince(started))
    }

    /// Watches and rebuilds on a thread of its own; pending files are written in the
    /// background meanwhile.
    public func start() throws(SourceWatcher.Failure) {
        let first = try SourceWatcher(roots: builder.watchedPaths)
        builder.startWriting()
        let thread = Thread { [self] in
            var watcher = first
            while true {
                let changes = watcher.next()
                rebuild(changes: changes)
                // docket.yml may name other folders now.
                let roots = builder.watchedPaths.map { $0.standardizedFileURL.path }
                if !roots.isEmpty, roots != watcher.watchedRoots,
                    let fresh = try? SourceWatcher(roots: roots.map { URL(fileURLWithPath: $0) })
                {
                    watcher = fresh
                }
            }
        }
        thread.start()
    }
}
