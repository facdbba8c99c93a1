import ArgumentParser
import DocketBuild
import DocketServe
import Foundation

extension Docket {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site (drafts included), serve it on 127.0.0.1, rebuild on every change and reload the browser.")

        @OptionGroup var source: SourceOptions

        @Option(help: "The port on 127.0.0.1.")
        var port: Int = 3000

        func run() throws {
            Self.exitOnSignals()
            Self.removeStaleOutputs()
            var buildOptions = source.buildOptions
            buildOptions.includeDrafts = true
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("docket-serve-\(ProcessInfo.processInfo.processIdentifier)")
            buildOptions.output = output.path
            let builder = IncrementalBuilder(options: buildOptions)
            let root = URL(fileURLWithPath: source.root ?? ".")
            let watcher = SourceWatcher(roots: [
                source.content.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("content"),
                root.appendingPathComponent("docs"),
                source.staticDirectory.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("static"),
                root.appendingPathComponent("themes"), root.appendingPathComponent("docket.yml"),
            ])
            let state = PreviewState()
            let build = { @Sendable () in
                let started = Date()
                let outcome = builder.build()
                let result = outcome.result
                DiagnosticPrinter().print(result.diagnostics)
                if result.succeeded {
                    state.published(output)
                    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                    say(outcome.full ? "built \(result.pagesWritten) pages in \(seconds) s"
                        : "rebuilt \(outcome.pagesRendered) changed page\(outcome.pagesRendered == 1 ? "" : "s") in \(seconds) s")
                } else {
                    state.failed(result.diagnostics.sorted.map { $0.description + ($0.detail.map { "\n    " + $0 } ?? "") }.joined(separator: "\n"))
                    say("build failed; the browser shows why")
                }
            }
            build()
            let channel = try PreviewServer(state: state).start(port: port)
            say("serving on http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
            let thread = Thread {
                var last = watcher.signature()
                var pause = 0.3
                while true {
                    Thread.sleep(forTimeInterval: pause)
                    let started = Date()
                    let now = watcher.signature()
                    // Polling a big site costs time: keep it under a tenth of the CPU.
                    pause = max(0.3, Date().timeIntervalSince(started) * 10)
                    if now != last {
                        last = now
                        build()
                    }
                }
            }
            thread.start()
            try channel.closeFuture.wait()
        }
    }
}

extension Docket.Serve {
    /// Ctrl-C and `kill` end the server. A process may start with these signals blocked (some
    /// launchers block them for their children), so they are unblocked explicitly.
    static func exitOnSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in _exit(0) }
        signal(SIGTERM) { _ in _exit(0) }
    }

    /// Preview folders of servers that are no longer running.
    static func removeStaleOutputs() {
        let temp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? [] where name.hasPrefix("docket-serve-") {
            guard let pid = Int32(name.dropFirst("docket-serve-".count)), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: temp.appendingPathComponent(name))
        }
    }
}

/// Unbuffered, so progress lines appear as they happen even when the output is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
