import DocketTestSupport
import Foundation
import Testing

@testable import DocketSandbox

/// One CA per docket process and set of host names (`--mutate` starts a sandbox per mutant):
/// the second sandbox gets the same certificates, they still verify, and the CA's private key
/// is never handed to a sandbox.
@Suite(.serialized) struct CertificateReuseTests {
    @Test func theSameHostsGetTheSameCertificatesAndOtherHostsOthers() throws {
        let host = "reuse-\(UUID().uuidString.prefix(8).lowercased()).fixture.test"
        let first = try CertificateAuthority.cached(hosts: [host], openssl: HostTools.sandbox.openssl)
        let again = try CertificateAuthority.cached(hosts: [host.uppercased()], openssl: HostTools.sandbox.openssl)
        #expect(first.caCertificate == again.caCertificate && first.serverKey == again.serverKey)
        let other = try CertificateAuthority.cached(
            hosts: [host, "other.fixture.test"], openssl: HostTools.sandbox.openssl)
        #expect(other.caCertificate != first.caCertificate)
        #expect(String(decoding: first.caCertificate, as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(!String(decoding: first.serverKey, as: UTF8.self).isEmpty)
    }

    @Test(.enabled(if: HostTools.available, "bwrap is not installed"))
    func twoSandboxesShareTheCAAndHTTPSVerifiesInBoth() throws {
        let host = "reuse-\(UUID().uuidString.prefix(8).lowercased()).fixture.test"
        let folder = Fixtures.temporaryDirectory("docket-ca-reuse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = folder.appendingPathComponent("body.txt")
        try "hello over tls\n".write(to: body, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("script.sh")
        // Verifies against the sandbox's CA (no -k), and shows which tls files it was given.
        try """
        curl -fsS https://\(host)/hello
        cat /tmp/docket/tls/ca.pem | head -n 2 | tail -n 1
        ls /tmp/docket/tls
        """.write(to: script, atomically: true, encoding: .utf8)
        let route = FixtureRoute(
            method: "GET", scheme: "https", host: host, path: "/hello", query: nil, status: 200, headers: [:],
            bodyFile: body.path)
        var outputs: [String] = []
        for _ in 0..<2 {
            let spec = SandboxSpec(
                script: script, arguments: [], home: nil, work: nil, directory: "~", stubs: [], routes: [route],
                timeout: 30, stepTimeout: nil, environment: [:], server: BuiltProducts.docket, tools: HostTools.sandbox)
            let result = try Sandbox.run(spec)
            result.discard()
            #expect(result.exitStatus == 0, "\(result.output)")
            outputs.append(result.output)
        }
        #expect(outputs[0].contains("hello over tls") && outputs[1].contains("hello over tls"), "\(outputs)")
        // The same CA certificate line in both runs.
        let caLine = { (output: String) in output.split(separator: "\n").first { $0.hasPrefix("MII") }.map(String.init)
        }
        #expect(caLine(outputs[0]) != nil && caLine(outputs[0]) == caLine(outputs[1]), "\(outputs)")
        #expect(!outputs[0].contains("ca.key") && outputs[0].contains("server.key"), "\(outputs[0])")
    }
}
