import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// A typo in a nested mapping of docket.yml is a warning, so `--strict` refuses the build, as it
/// does for a typo at the top level.
@Suite struct NestedKeyStrictTests {
    @Test(arguments: ["footer:\n  copyrigt: X\n", "tite: X\n"])
    func strictRefusesANestedTypo(_ setting: String) throws {
        let root = try Fixtures.copySite("basic")
        let temp = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: temp) }
        let config = root.appendingPathComponent("docket.yml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "footer:\n  copyright: Example authors\n", with: "") + setting
        try text.write(to: config, atomically: true, encoding: .utf8)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let lenient = SiteBuilder.build(options)
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.all.contains { $0.severity == .warning && $0.message.contains("did you mean") })
        options.strict = true
        #expect(!SiteBuilder.build(options).succeeded)
    }
}
