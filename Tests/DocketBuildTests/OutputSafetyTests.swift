import DocketTestSupport
import Foundation
import Testing

@testable import DocketBuild

/// `docket build` never destroys what it did not make: the output folder rules, the marker,
/// leftovers of killed builds, the lock, and write errors in plain words.
@Suite struct OutputSafetyTests {
    /// A small site with every folder the output must keep away from.
    private func makeSite() throws -> URL {
        let root = Fixtures.temporaryDirectory("docket-out")
        try Fixtures.write(
            [
                "docket.yml": "title: Safety\n",
                "content/intro.md": "# Intro\n\nHello.\n",
                "content/guide/a.md": "# A\n",
                "static/robots.txt": "User-agent: *\n",
                "runbooks/.keep": "",
            ], under: root)
        return root
    }

    private func build(_ root: URL, out: String, force: Bool = false) -> BuildResult {
        var options = BuildOptions()
        options.root = root.path
        options.output = out.hasPrefix("/") ? out : root.appendingPathComponent(out).path
        options.force = force
        return SiteBuilder.build(options)
    }

    @Test(arguments: [
        ("content", "it is the content folder"),
        ("content/guide", "it lies inside the content folder"),
        ("static", "it is the static folder"),
        ("static/out", "it lies inside the static folder"),
        ("themes", "it is the themes folder"),
        ("themes/default", "it lies inside the themes folder"),
        ("runbooks", "it is the runbooks folder"),
        (".", "it is the site folder holding docket.yml"),
        ("..", "it holds the site folder holding docket.yml"),
        ("content/../static", "it is the static folder"),
        ("content/intro.md", "it is an existing file"),
    ])
    func refusesFoldersItDidNotMake(_ out: String, _ why: String) throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        let result = build(root, out: out)
        #expect(!result.succeeded && result.refused, "\(out) was accepted")
        let message = result.diagnostics.errors.first?.message ?? ""
        #expect(message.contains(why), "\(message)")
        #expect(message.contains("refusing to use"), "\(message)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before, "nothing may change")
    }

    @Test func refusesTheHomeFolderAndTheFileSystemRoot() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        for out in [NSHomeDirectory(), "/"] {
            let result = build(root, out: out)
            #expect(result.refused, "\(out)")
            let message = result.diagnostics.errors.first?.message ?? ""
            #expect(message.contains("home folder") || message.contains("root of the file system"), "\(message)")
        }
    }

    @Test func refusesThroughSymlinks() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("alias").path, withDestinationPath: "content")
        let result = build(root, out: "alias")
        #expect(result.refused)
        let message = result.diagnostics.errors.first?.message ?? ""
        #expect(
            message.contains("'\(root.appendingPathComponent("alias").path)'") && message.contains("content"),
            "both paths named: \(message)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/intro.md").path))
    }

    @Test(arguments: ["_site", ".build/site-check", "out/nested/deeper"])
    func allowsOutputFoldersBelowTheSiteRoot(_ out: String) throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = build(root, out: out)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let marker = root.appendingPathComponent(out).appendingPathComponent(OutputGuard.markerName)
        #expect(FileManager.default.fileExists(atPath: marker.path), "every build writes the marker")
        #expect(build(root, out: out).succeeded, "docket's own output is replaced without --force")
    }

    @Test func aForeignFolderNeedsForce() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["mine/notes.txt": "precious\n"], under: root)
        let refused = build(root, out: "mine")
        #expect(refused.refused)
        #expect(refused.diagnostics.errors.first?.message.contains("--force") == true)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("mine/notes.txt").path))

        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(build(root, out: "empty").succeeded, "an empty folder is fine")

        let forced = build(root, out: "mine", force: true)
        #expect(forced.succeeded)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("mine/notes.txt").path))
        #expect(build(root, out: "content", force: true).refused, "--force never allows a source folder")
    }

    @Test func removesLeftoversOfKilledBuilds() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let leftovers = [".docket-staging-_site-4242", ".docket-old-_site-17"]
        let unrelated = [".docket-staging-_site2-5", ".docket-staging-_site-notapid"]
        for name in leftovers + unrelated {
            try Fixtures.write(["\(name)/index.html": "half\n"], under: root)
        }
        #expect(build(root, out: "_site").succeeded)
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        for name in leftovers { #expect(!names.contains(name), "\(name) left behind") }
        for name in unrelated { #expect(names.contains(name), "\(name) is not this folder's") }
        #expect(!names.contains(".docket-lock-_site"), "the lock file goes with its build")
    }

    @Test func aSecondBuildFailsAtOnceWhileTheFirstHoldsTheLock() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let lockPath = root.appendingPathComponent(".docket-lock-_site").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        let started = Date()
        let result = build(root, out: "_site")
        #expect(!result.succeeded)
        #expect(Date().timeIntervalSince(started) < 5, "it does not wait")
        let message = result.diagnostics.errors.first?.message ?? ""
        #expect(message.contains("another docket build is writing"), "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain"))
        close(fd)
        #expect(build(root, out: "_site").succeeded, "the lock is free again")
    }

    @Test func writeErrorsNameThePathInPlainWords() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["plain-file": "x\n"], under: root)
        let result = build(root, out: "plain-file/site")
        #expect(!result.succeeded)
        let message = result.diagnostics.errors.map(\.message).joined(separator: "\n")
        #expect(message.contains("plain-file"), "\(message)")
        #expect(message.contains("Not a directory"), "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("could not be completed"), "\(message)")
    }

    @Test func aMissingContentFolderPointsAtItsLine() throws {
        let root = Fixtures.temporaryDirectory("docket-out")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: T\ncontent: nowhere\n"], under: root)
        let named = build(root, out: "_site")
        let error = try #require(named.diagnostics.errors.first)
        #expect(
            error.location.path.hasSuffix("docket.yml") && error.location.line == 2 && error.location.column == 10,
            "\(error)")
        #expect(error.message.contains("'") && error.message.contains("nowhere"))

        try Fixtures.write(["docket.yml": "title: T\n"], under: root)
        let none = try #require(build(root, out: "_site").diagnostics.errors.first)
        #expect(none.message.contains("--content"), "\(none)")

        var options = BuildOptions()
        options.root = root.path
        options.content = root.appendingPathComponent("missing").path
        let given = try #require(SiteBuilder.build(options).diagnostics.errors.first)
        #expect(given.message.contains("given by --content"), "\(given)")
    }

    @Test func staticSymlinksStayInsideTheStaticFolder() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["secret.txt": "do not publish\n", "static/sub/real.txt": "ok\n"], under: root)
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("static/leak.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("static/alias.txt").path, withDestinationPath: "sub/real.txt")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("static/sub/loop").path, withDestinationPath: "..")
        let result = build(root, out: "_site")
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let out = root.appendingPathComponent("_site")
        #expect(
            !fm.fileExists(atPath: out.appendingPathComponent("leak.txt").path), "a link out of static/ is not followed"
        )
        #expect(try String(contentsOf: out.appendingPathComponent("alias.txt"), encoding: .utf8) == "ok\n")
        let warning = try #require(
            result.diagnostics.warnings.first { $0.message.contains("points out of the static folder") })
        #expect(warning.location.path.hasSuffix("static/leak.txt"), "\(warning)")
        var strict = BuildOptions()
        strict.root = root.path
        strict.output = out.path
        strict.strict = true
        #expect(!SiteBuilder.build(strict).succeeded, "--strict fails on it")
    }

    @Test func aControlCharacterInAFileNameIsALocatedError() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["content/bad\nname.md": "# Bad\n", "static/tab\there.txt": "x\n"], under: root)
        let result = build(root, out: "_site")
        #expect(!result.succeeded)
        let paths = result.diagnostics.errors.map(\.location.path)
        #expect(paths.contains { $0.hasSuffix("content/bad\\nname.md") }, "\(paths)")
        #expect(paths.contains { $0.hasSuffix("static/tab\\there.txt") }, "\(paths)")
    }

    @Test func pageFilesAreReplacedWholeInPlace() throws {
        let folder = Fixtures.temporaryDirectory("docket-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(updating: folder)
        _ = try output.prepare()
        let small = String(repeating: "a", count: 10), large = String(repeating: "b", count: 400_000)
        try output.write(small, to: "docs/x/index.html")
        let path = folder.appendingPathComponent("docs/x/index.html").path
        let done = UncheckedFlag()
        let reader = Thread {
            while !done.value {
                if let data = FileManager.default.contents(atPath: path) {
                    let text = String(decoding: data, as: UTF8.self)
                    if text != small && text != large { done.torn = true }
                }
            }
        }
        reader.start()
        for index in 0..<200 { try output.write(index.isMultiple(of: 2) ? large : small, to: "docs/x/index.html") }
        done.value = true
        Thread.sleep(forTimeInterval: 0.05)
        #expect(!done.torn, "a reader saw a half-written page")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docs/x").path)
        #expect(names == ["index.html"], "no temporary files left: \(names)")
    }
}

/// A flag shared with a reader thread (plain loads and stores are enough for this test).
final class UncheckedFlag: @unchecked Sendable {
    var value = false
    var torn = false
}
