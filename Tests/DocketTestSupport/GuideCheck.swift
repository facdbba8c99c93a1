import Foundation

/// The end-to-end guide tests' one routine: copy the project (its site, runbooks and fixtures) to
/// a temporary folder, change the page, regenerate the runbooks, check one runbook with the
/// `docket` built for this run, and find the check's errors by file and line.
public final class GuideCheck {
    /// A run of the built `docket`.
    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// An error of a `--json` report.
    public struct Finding: CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String

        public var description: String { "\(file):\(line): \(message)" }
    }

    /// What the text to change is not: absent, or there more than once.
    public struct ChangeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The copy (`remove()` when done: a deinit could run right after the last use of the
    /// value, while the folder is still in use).
    public let project: URL

    /// Copies `content/`, `docket.yml` and `runbooks/` of the package.
    public init(_ prefix: String) throws {
        project = Fixtures.temporaryDirectory(prefix)
        for item in ["content", "docket.yml", "runbooks"] {
            try FileManager.default.copyItem(
                at: Fixtures.packageRoot.appendingPathComponent(item), to: project.appendingPathComponent(item))
        }
    }

    /// Removes the copy.
    public func remove() {
        try? FileManager.default.removeItem(at: project)
    }

    /// Replaces `original`, which must be in `file` exactly once, by `replacement`; returns the
    /// line (from 1) where the replacement starts.
    @discardableResult
    public func change(_ file: String, _ original: String, to replacement: String) throws -> Int {
        let url = project.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let found = text.components(separatedBy: original).count - 1
        guard found == 1 else {
            throw ChangeError(description: "the text to change is in \(file) \(found) times, not once: \(original)")
        }
        let changed = text.replacingOccurrences(of: original, with: replacement)
        try changed.write(to: url, atomically: true, encoding: .utf8)
        return text.components(separatedBy: original)[0].filter { $0 == "\n" }.count + 1
    }

    /// Runs the built `docket` in the copy, without colour or GitHub annotations.
    public func docket(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = BuiltProducts.docket
        process.arguments = arguments
        process.currentDirectoryURL = project
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read beside standard output, so that neither pipe fills and blocks.
        let errors = ErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: errors.text())
    }

    /// `docket runbooks`: the changed page still extracts.
    public func regenerate() throws -> Run {
        try docket(["runbooks"])
    }

    /// `docket check --runbook ID --json`, and its errors.
    public func check(_ runbook: String) throws -> (run: Run, errors: [Finding]) {
        let run = try docket(["check", "--runbook", runbook, "--json"])
        return (run, Self.errors(run.stdout))
    }

    /// The errors of a `--json` report (none when it is not one).
    public static func errors(_ json: String) -> [Finding] {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        return diagnostics.filter { $0["severity"] as? String == "error" }.map {
            Finding(
                file: $0["file"] as? String ?? "", line: $0["line"] as? Int ?? 0,
                message: $0["message"] as? String ?? "")
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
