import ArgumentParser
import DocketBuild
import DocketDiagnostics
import DocketServe
import Foundation

extension Docket {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract:
                "Build the site (drafts included), serve it on 127.0.0.1, rebuild on every change and reload the browser."
        )

        @OptionGroup var source: SourceOptions

        @Option(help: "The port on 127.0.0.1 (0: any free port).")
        var port: Int = 3000

        @Option(
            name: .customLong("allow-host"),
            help: ArgumentHelp(
                "Also answer requests whose Host header is NAME (repeatable); by default only localhost, 127.x.x.x and [::1].",
                valueName: "name"))
        var allowHost: [String] = []

        @Option(name: .customLong("max-connections"), help: "Connections served at once; more are closed.")
        var maxConnections = 64

        @Option(
            name: .customLong("head-timeout"),
            help: ArgumentHelp("Seconds a connection has to send a request head.", valueName: "seconds"))
        var headTimeout = 10.0

        @Option(
            name: .customLong("idle-timeout"),
            help: ArgumentHelp("Seconds an idle kept-alive connection stays open.", valueName: "seconds"))
        var idleTimeout = 60.0

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
            guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1") }
            guard headTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        }

        func run() throws {
            Self.exitOnSignals()
            var buildOptions = source.buildOptions
            buildOptions.includeDrafts = true
            let output = try Self.makePreviewFolder().appendingPathComponent("site")
            buildOptions.output = output.path
            let builder = IncrementalBuilder(options: buildOptions)
            let state = PreviewState()
            let loop = WatchLoop(builder: builder, state: state, output: output) { outcome, elapsed in
                let result = outcome.result
                DiagnosticPrinter().print(result.diagnostics)
                guard result.succeeded else { return say("build failed; the browser shows why") }
                let seconds = String(format: elapsed < 1 ? "%.3f" : "%.2f", elapsed)
                let rendered = outcome.pagesRendered
                say(
                    outcome.full
                        ? "built \("page".counted(result.pagesWritten)) in \(seconds) s"
                        : "rebuilt \(rendered) changed \("page".plural(rendered)) in \(seconds) s"
                            + (outcome.pending > 0 ? " (\(outcome.pending) other files follow in the background)" : ""))
            }
            // Listening first: a port in use is said before the first build (seconds on a large
            // site) rather than after it, and a browser opened meanwhile gets a page that
            // reloads itself when that build is published.
            var limits = PreviewLimits()
            limits.allowedHosts = Set(allowHost.map { $0.lowercased() })
            limits.maxConnections = maxConnections
            limits.headTimeout = headTimeout
            limits.idleTimeout = idleTimeout
            let started = Result { () throws(PreviewServer.Failure) in
                try PreviewServer(state: state, limits: limits).start(port: port)
            }
            guard case .success(let channel) = started else {
                if case .failure(let failure) = started {
                    FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
                }
                // Nothing was built into the new preview folder: it goes with this server.
                try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
                throw ExitCode(1)
            }
            loop.rebuild()
            // The folders of servers that have ended (Ctrl-C ends one at once, its folder left
            // behind) are removed beside the server, once the site is built: removed first, the
            // folder of a 10,000-page site held up the first build by 2 s.
            Thread.detachNewThread { Self.removeStaleOutputs() }
            do {
                try loop.start()
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(1)
            }
            say("serving on http://127.0.0.1:\(channel.localAddress?.port ?? port)/ (Ctrl-C to stop)")
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

    /// A fresh private folder (mode 700, an unguessable name from mkdtemp) for the preview
    /// site, holding a `pid` file so a later server can tell it is no longer in use.
    static func makePreviewFolder() throws -> URL {
        var template = Array((FileManager.default.temporaryDirectory.path + "/docket-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(
                Data(
                    "error: cannot create the preview folder in \(FileManager.default.temporaryDirectory.path): \(reason)\n"
                        .utf8))
            throw ExitCode(1)
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        try? Data("\(getpid())\n".utf8).write(to: folder.appendingPathComponent("pid"))
        return folder
    }

    /// Preview folders of this user's servers that are no longer running.
    static func removeStaleOutputs() {
        let temp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? []
        where name.hasPrefix("docket-serve-") {
            let folder = temp.appendingPathComponent(name)
            var info = stat()
            guard lstat(folder.path, &info) == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFDIR else {
                continue
            }
            // Older servers named the folder by pid; newer ones keep it in a file.
            let recorded = (try? String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard let pid = Int32(recorded ?? String(name.dropFirst("docket-serve-".count))), kill(pid, 0) != 0,
                errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

/// Unbuffered, so progress lines appear as they happen even when the output is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
