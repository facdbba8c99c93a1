import DocketDiagnostics
import DocketSandbox
import DocketSite
import Foundation

/// The fixture's `root/` folder, beside `home/` and `work/`: laid writable over the sandbox's
/// read-only system (`root/etc/caddy` at `/etc/caddy`, see `SystemOverlay`). No key of
/// fixture.yml names it. Vetted like the other trees when the fixture is loaded, and the
/// file expectations with a system path (`/etc/caddy/Caddyfile`) must lie in what it overlays:
/// nothing else of the system is written by a run or read by docket afterwards.
enum FixtureOverlay {
    /// An absolute path outside the sandbox's home and working tree.
    static func isSystemPath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix(Sandbox.home + "/") && !path.hasPrefix(Sandbox.work + "/")
    }

    static func vet(_ fixture: Fixture, folder: URL, displayFolder: String, diagnostics: inout Diagnostics) {
        var points: [SystemOverlay.MountPoint] = []
        if (try? SandboxFile.kind(of: "root", beneath: folder)) == .directory {
            let before = diagnostics.errors.count
            FixturePaths.vetTree("root", folder: folder, displayFolder: displayFolder, diagnostics: &diagnostics)
            guard diagnostics.errors.count == before else { return }
            let found = SystemOverlay.mountPoints(of: folder.appendingPathComponent("root"))
            for problem in found.problems {
                diagnostics.error(
                    at: SourceLocation(path: displayFolder + "/root/" + problem.path, line: 0, column: 0),
                    problem.message)
            }
            points = found.points
        } else {
            FixturePaths.vetTree("root", folder: folder, displayFolder: displayFolder, diagnostics: &diagnostics)
        }
        for file in fixture.expectations.files
        where isSystemPath(file.path) && !SystemOverlay.contains(file.path, in: points) {
            let overlaid = points.map { "/" + $0.path }.joined(separator: ", ")
            diagnostics.error(
                at: file.location,
                "\(file.path) is not in the sandbox's home (~/…), its working tree (\(Sandbox.work)/…) or a folder the fixture's root/ overlays"
                    + (overlaid.isEmpty
                        ? " (the fixture has no root/ folder; root/etc/caddy/Caddyfile would make /etc/caddy/Caddyfile checkable)"
                        : " (\(overlaid))"))
        }
    }
}
