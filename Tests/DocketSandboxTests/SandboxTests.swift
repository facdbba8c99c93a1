import DocketSandbox
import DocketTestSupport
import Foundation
import Testing

/// The sandbox itself: what a step inside it can and cannot do.
@Suite(.serialized) struct SandboxTests {
    static let available = HostTools.available
    static let server = BuiltProducts.docket

    private func run(
        _ script: String, routes: [FixtureRoute] = [], stubs: [Stub] = [], timeout: TimeInterval = 30,
        environment: [String: String] = [:]
    ) throws -> SandboxResult {
        let folder = Fixtures.temporaryDirectory("docket-sandbox-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("script.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let spec = SandboxSpec(
            script: file, arguments: [], home: nil, work: nil, directory: "~", stubs: stubs, routes: routes,
            timeout: timeout, stepTimeout: nil, environment: environment, server: Self.server, tools: HostTools.sandbox)
        let result = try Sandbox.run(spec)
        result.discard()
        return result
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func cannotWriteToTheRealHome() throws {
        let realHome = FileManager.default.homeDirectoryForCurrentUser
        let probe = realHome.appendingPathComponent("docket-sandbox-probe-\(UUID().uuidString.prefix(8))")
        let result = try run(
            "echo escaped > \(probe.path) 2>/dev/null; echo \"home=$HOME\"; ls -A \(realHome.path) | wc -l\n")
        #expect(!FileManager.default.fileExists(atPath: probe.path), "the real home was written")
        #expect(result.output.contains("home=/home/operator"))
        #expect(
            result.output.contains("\n1\n") || result.output.hasSuffix("1\n"),
            "only the probe itself, in a private tmpfs: \(result.output)")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func cannotReachTheNetworkButLoopback() throws {
        let result = try run(
            """
            curl -sS -m 3 http://1.1.1.1/ >/dev/null 2>&1; echo "ip=$?"
            curl -sS -m 3 https://example.org/ >/dev/null 2>&1; echo "dns=$?"
            ip -o link | awk '{print $2}' | tr -d ':' | sort | tr '\\n' ' '; echo
            """)
        #expect(result.output.contains("ip=7"), "\(result.output)")
        #expect(result.output.contains("dns=6") || result.output.contains("dns=7"), "\(result.output)")
        #expect(result.output.contains("lo \n") || result.output.contains("lo\n"), "only loopback: \(result.output)")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func seesNoHostEnvironment() throws {
        setenv("DOCKET_PROBE_SECRET", "host-secret-value", 1)
        defer { unsetenv("DOCKET_PROBE_SECRET") }
        let result = try run("env | sort\n")
        #expect(!result.output.contains("host-secret-value"))
        #expect(!result.output.contains("DOCKET_PROBE_SECRET"))
        #expect(result.output.contains("CI=true"))
        #expect(result.output.contains("HOME=/home/operator"))
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func isKilledAtItsTimeLimitWithItsChildren() throws {
        let marker = "docket-probe-\(UUID().uuidString.prefix(8))"
        let started = Date()
        let result = try run(
            "bash -c 'exec -a \(marker) sleep 300' &\nbash -c 'exec -a \(marker) sleep 300'\n", timeout: 2)
        #expect(result.timedOut)
        #expect(result.exitStatus == nil)
        #expect(Date().timeIntervalSince(started) < 15)
        Thread.sleep(forTimeInterval: 0.5)
        let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int($0) != nil }.filter {
            pid in
            let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return cmdline.contains(marker)
        }
        #expect(survivors.isEmpty, "processes left: \(survivors)")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func fixtureServerAnswersHTTPSForMappedHostsAndRecords() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = folder.appendingPathComponent("body.json")
        try #"{"keys": [1]}"#.write(to: body, atomically: true, encoding: .utf8)
        let routes = [
            FixtureRoute(
                method: "GET", scheme: "https", host: "svc.fixture.test", path: "/keys", query: nil, status: 200,
                headers: ["Content-Type": "application/json"], bodyFile: body.path)
        ]
        let result = try run(
            """
            curl -fsS https://svc.fixture.test/keys | jq -c .keys
            curl -sS -o /dev/null -w '%{http_code}\\n' https://svc.fixture.test/nothing
            """, routes: routes)
        #expect(result.output.contains("[1]\n"), "\(result.output)")
        #expect(result.output.contains("404"))
        #expect(result.requests.map(\.url) == ["https://svc.fixture.test/keys", "https://svc.fixture.test/nothing"])
        #expect(result.requests.map(\.status) == [200, 404])
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func stubsAreRecordedAndAnswerFromRules() throws {
        let stubs = [
            Stub(
                name: "docker",
                behaviour: .rules([
                    StubRule(exact: "inspect -f x c1", stdout: "healthy\n"),
                    StubRule(pattern: "^compose ", status: 0, creates: ["~/made-by-stub": "yes"]),
                ]))
        ]
        let result = try run(
            """
            export DOCKET_STEP=probe
            docker inspect -f x c1
            docker compose up -d
            cat ~/made-by-stub; echo
            docker network rm x; echo "status=$?"
            """, stubs: stubs)
        #expect(result.output.contains("healthy\nyes\n"), "\(result.output)")
        #expect(result.output.contains("no rule of the fixture answers: network rm x"))
        #expect(result.output.contains("status=127"))
        #expect(
            result.calls == [
                RecordedCall(step: "probe", command: "docker inspect -f x c1"),
                RecordedCall(step: "probe", command: "docker compose up -d"),
                RecordedCall(step: "probe", command: "docker network rm x"),
            ])
    }
}
