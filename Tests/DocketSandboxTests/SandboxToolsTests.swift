import DocketSandbox
import DocketTestSupport
import Foundation
import Testing

/// The sandbox runs the programs it is given and reads no PATH or environment of its own: a
/// missing one stops the run with an error naming it, before anything of the runbook starts.
@Suite struct SandboxToolsTests {
    private func failure(_ tools: SandboxTools) throws -> String {
        let folder = Fixtures.temporaryDirectory("docket-tools-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("script.sh")
        try "echo ran\n".write(to: script, atomically: true, encoding: .utf8)
        var spec = SandboxSpec(
            script: script, arguments: [], home: nil, work: nil, directory: "~", stubs: [], routes: [],
            timeout: 30, stepTimeout: nil, environment: [:], server: BuiltProducts.docket, tools: tools)
        // Host names of their own: certificates made for others in this process are reused
        // without openssl (CertificateAuthority).
        spec.extraHosts = ["tools-\(UUID().uuidString.prefix(8).lowercased()).fixture.test"]
        do throws(SandboxError) {
            let result = try Sandbox.run(spec)
            result.discard()
            return ""
        } catch {
            return error.description
        }
    }

    @Test func eachMissingProgramIsNamed() {
        let none = SandboxTools()
        #expect(
            none.missing(sandboxed: true, asRoot: true).map(\.description) == [
                SandboxError.bubblewrapMissing.description,
                "cannot prepare the sandbox: prlimit (util-linux) is not installed (not found on PATH)",
                "cannot prepare the sandbox: setpriv (util-linux; it leaves root before bwrap starts) is not installed (not found on PATH)",
                "cannot prepare the sandbox: openssl (it makes the fixture server's certificates) is not installed (not found on PATH)",
            ])
        #expect(none.missing(sandboxed: true, asRoot: false).count == 3, "setpriv is for root only")
        #expect(none.missing(sandboxed: false, asRoot: true).count == 1, "without the sandbox only openssl is used")
        let all = URL(fileURLWithPath: "/x")
        #expect(
            SandboxTools(bubblewrap: all, prlimit: all, setpriv: all, openssl: all).missing(
                sandboxed: true, asRoot: true
            ).isEmpty)
    }

    @Test func theLookupItIsGivenIsTheOneUsed() {
        var asked: [String] = []
        let tools = SandboxTools { name in
            asked.append(name)
            return name == "bwrap" ? URL(fileURLWithPath: "/opt/bubblewrap/bwrap") : nil
        }
        #expect(asked == ["bwrap", "prlimit", "setpriv", "openssl"])
        #expect(tools.bubblewrap?.path == "/opt/bubblewrap/bwrap" && tools.prlimit == nil)
    }

    @Test func aPathSearchFindsTheFirstExecutableAndNothingElse() throws {
        let folder = Fixtures.temporaryDirectory("docket-path-search")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a"), second = folder.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try "".write(to: first.appendingPathComponent("tool"), atomically: true, encoding: .utf8)  // not executable
        try "#!/bin/sh\n".write(to: second.appendingPathComponent("tool"), atomically: true, encoding: .utf8)
        chmod(second.appendingPathComponent("tool").path, 0o755)
        #expect(
            Executables.find("tool", path: "\(first.path):\(second.path)")?.path
                == second.appendingPathComponent("tool").path)
        #expect(Executables.find("tool", path: first.path) == nil)
        #expect(Executables.find("tool", path: "") == nil)
    }

    @Test func withoutOpensslNothingStarts() throws {
        #expect(try failure(SandboxTools()).contains("openssl"))
    }

    @Test func withoutBubblewrapTheRunIsRefused() throws {
        let message = try failure(SandboxTools(openssl: HostTools.sandbox.openssl))
        #expect(message == SandboxError.bubblewrapMissing.description, "\(message)")
    }

    @Test(.enabled(if: HostTools.available, "bwrap is not installed"))
    func withoutPrlimitTheRunIsRefused() throws {
        var tools = HostTools.sandbox
        tools.prlimit = nil
        let message = try failure(tools)
        #expect(message.contains("prlimit (util-linux)"), "\(message)")
    }

    @Test func theSandboxUserIsReadFromTheValueGiven() throws {
        #expect(try SandboxUser.parse("") == .nobody)
        #expect(try SandboxUser.parse("1234:5678") == SandboxUser(uid: 1234, gid: 5678))
        #expect(try SandboxUser.parse("nobody").uid == 65534)
        for bad in ["0:0", "1000:0", "root", "no-such-user-here", "1:2:3", "x:1"] {
            #expect(throws: SandboxError.self, "\(bad)") { try SandboxUser.parse(bad) }
        }
    }
}
