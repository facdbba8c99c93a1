import DocketDiagnostics
import DocketSandbox
import DocketSite
import DocketYAML
import Foundation

/// Vets every path a fixture names before anything runs: files of the fixture folder (route
/// bodies, `same_as:` files, stubs, the home and work trees copied into the sandbox) must lie
/// inside it without going through a symbolic link, and paths inside the sandbox must not climb
/// with `..`. A fixture is checked-in content that `docket check` runs with; a link or a `..` in
/// it must never bring a host file into the sandbox or into a report.
enum FixturePaths {
    /// A file of the fixture folder named at `node` (`http/body.json`): relative, no `..`, no
    /// link on the way, a regular file. Returns its host path, or nil after a located error.
    static func fixtureFile(_ node: YAMLNode, _ key: String, folder: URL, reader: inout YAMLReader) -> String? {
        guard let path = reader.string(node, key) else { return nil }
        do {
            switch try SandboxFile.kind(of: path, beneath: folder) {
            case .file?:
                return folder.appendingPathComponent(path).path
            case nil:
                reader.fail(node, "the \(key) file '\(path)' does not exist in the fixture")
            case let kind?:
                reader.fail(node, "the \(key) file '\(path)' is \(kind) in the fixture, not a file")
            }
        } catch {
            reader.fail(node, "the \(key) file '\(path)' " + problem(error, within: "the fixture folder"))
        }
        return nil
    }

    /// A path inside the sandbox (a stub's `creates:`, `cwd:`): no `..` component, which would
    /// make what it names depend on links the run creates.
    static func sandboxPath(_ node: YAMLNode, _ key: String, reader: inout YAMLReader) -> String? {
        guard let path = reader.string(node, key) else { return nil }
        if path.split(separator: "/").contains("..") {
            reader.fail(node, "'\(key)' must not contain '..' (\(path))")
            return nil
        }
        return path
    }

    /// A file the fixture checks after the run: `~/…`, `/home/operator/…`, `/srv/work/…`, a
    /// system path the fixture's `root/` overlays (checked by `FixtureOverlay`), or relative to
    /// the home folder, without `..`.
    static func checkedFile(_ node: YAMLNode, reader: inout YAMLReader) -> String? {
        guard let path = sandboxPath(node, "files", reader: &reader) else { return nil }
        if path == "~" || path.split(separator: "/").filter({ $0 != "." && $0 != "~" }).isEmpty {
            reader.fail(node, "'\(path)' names a folder; a file check names a file (~/path/to/file)")
            return nil
        }
        return path
    }

    /// The `home/` or `work/` tree of the fixture: a real folder holding only folders and
    /// regular files. Symbolic links are refused wherever they point (outside the fixture they
    /// would copy a host file into the sandbox; inside, the sandbox copy would not keep them as
    /// links), and so are pipes, sockets and devices. Each problem is located at its path.
    static func vetTree(_ name: String, folder: URL, displayFolder: String, diagnostics: inout Diagnostics) {
        let shown = displayFolder + "/" + name
        let kind: SandboxFile.Kind?
        do {
            kind = try SandboxFile.kind(of: name, beneath: folder)
        } catch {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "\(name)/ " + problem(error, within: "the fixture folder"))
            return
        }
        guard let kind else { return }
        guard kind == .directory else {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "\(name)/ is \(kind)\(kind == .symbolicLink ? linkTarget(folder.appendingPathComponent(name)) : ""); it must be a folder of the fixture"
            )
            return
        }
        let tree: SandboxFileTree
        do {
            tree = try SandboxFileTree.list(beneath: folder.appendingPathComponent(name))
        } catch {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "\(name)/ " + problem(error, within: "the fixture folder"))
            return
        }
        if tree.truncated {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "\(name)/ holds too many files or folders nested too deep to copy into a sandbox")
        }
        for entry in tree.entries {
            let location = SourceLocation(path: shown + "/" + entry.path, line: 0, column: 0)
            switch entry.kind {
            case .file, .directory:
                continue
            case .symbolicLink:
                let target = entry.linkTarget ?? "?"
                if pointsOutside(target, from: name + "/" + entry.path) {
                    diagnostics.error(
                        at: location,
                        "a symbolic link to \(target), outside the fixture: a fixture must not reach files of the machine that runs it"
                    )
                } else {
                    diagnostics.error(
                        at: location,
                        "a symbolic link (to \(target)): fixture trees hold files and folders only; copy the file, or create the link in a runbook step"
                    )
                }
            default:
                diagnostics.error(
                    at: location, "\(entry.kind) in the fixture: fixture trees hold files and folders only")
            }
        }
    }

    /// The executable files of `stubs/`, by name (hidden names skipped). Anything else there is a
    /// located error.
    static func stubFiles(folder: URL, displayFolder: String, diagnostics: inout Diagnostics) -> [(
        name: String, path: String
    )] {
        let shown = displayFolder + "/stubs"
        do {
            switch try SandboxFile.kind(of: "stubs", beneath: folder) {
            case nil: return []
            case .directory?: break
            case let kind?:
                diagnostics.error(
                    at: SourceLocation(path: shown, line: 0, column: 0),
                    "stubs/ is \(kind); it must be a folder of the fixture")
                return []
            }
            var stubs: [(name: String, path: String)] = []
            for entry in try SandboxFileTree.list(beneath: folder.appendingPathComponent("stubs"), maxDepth: 1).entries
            where !entry.path.contains("/") && !entry.path.hasPrefix(".") {
                guard entry.kind == .file else {
                    diagnostics.error(
                        at: SourceLocation(path: shown + "/" + entry.path, line: 0, column: 0),
                        "the stub \(entry.path) is \(entry.kind)\(entry.linkTarget.map { " (to \($0))" } ?? ""); a stub must be a file of the fixture"
                    )
                    continue
                }
                stubs.append(
                    (entry.path, folder.appendingPathComponent("stubs").appendingPathComponent(entry.path).path))
            }
            return stubs
        } catch {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "stubs/ " + problem(error, within: "the fixture folder"))
            return []
        }
    }

    /// "is a symbolic link" and the like, said of a path the fixture names.
    static func problem(_ error: SandboxFileError, within: String) -> String {
        switch error {
        case .escapes: return "leaves \(within) (an absolute path or '..'): name a file inside it, relative to it"
        case .symbolicLink(let at): return "goes through a symbolic link (\(at)): links are never followed"
        case .missing(let at): return "does not exist (\(at) is missing)"
        case .notADirectory(let at, let kind): return "goes through \(at), which is \(kind), not a folder"
        case .notAFile(_, let kind): return "is \(kind), not a file"
        case .tooLarge(_, let limit): return "is larger than \(limit) bytes"
        case .unreadable(_, let reason): return "cannot be read: \(reason)"
        }
    }

    private static func linkTarget(_ url: URL) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)).map { " (to \($0))" } ?? ""
    }

    /// Whether a link's target, taken literally from the link's folder, ends outside the fixture
    /// folder. (Only for the message: every link is refused.)
    private static func pointsOutside(_ target: String, from link: String) -> Bool {
        if target.hasPrefix("/") { return true }
        var depth = link.split(separator: "/").count - 1
        for part in target.split(separator: "/") where part != "." {
            depth += part == ".." ? -1 : 1
            if depth < 0 { return true }
        }
        return false
    }
}
