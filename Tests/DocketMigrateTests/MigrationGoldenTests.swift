import DocketMigrate
import DocketTestSupport
import Foundation
import Testing

/// Each folder of Tests/Fixtures/migrate is a Docusaurus site; its docket.yml and warnings are
/// golden files (DOCKET_BLESS=1 rewrites them).
@Suite struct MigrationGoldenTests {
    static let cases = Fixtures.cases("migrate")

    @Test(arguments: cases)
    func migratesFixture(_ name: String) throws {
        let folder = Fixtures.url("migrate/\(name)")
        let result = try DocusaurusMigration.migrate(site: folder, display: "")
        let warnings = result.diagnostics.sorted.map { "\($0.location): \($0.severity.rawValue): \($0.message)\n" }
            .joined()
        if let problem = Golden.mismatch(result.docketYAML, file: folder.appendingPathComponent("expected-docket.yml"))
        {
            Issue.record(Comment(rawValue: problem))
        }
        if let problem = Golden.mismatch(warnings, file: folder.appendingPathComponent("expected-warnings.txt")) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func casesExist() {
        #expect(Self.cases.count >= 3)
    }

    @Test func functionsAndPluginsAreLocatedWarnings() throws {
        let result = try DocusaurusMigration.migrate(site: Fixtures.url("migrate/functions-plugins"), display: "site")
        let text = result.diagnostics.all.map { "\($0.location): \($0.message)" }
        #expect(text.contains { $0.hasPrefix("site/docusaurus.config.js:24:5:") && $0.contains("plugin") })
        #expect(text.contains { $0.hasPrefix("site/docusaurus.config.js:15:20:") && $0.contains("arrow function") })
        #expect(text.contains { $0.hasPrefix("site/src/theme/Footer/index.js") })
        #expect(!result.diagnostics.hasErrors)
    }

    @Test func folderWithoutConfigIsAnError() {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        #expect(throws: MigrationError.self) { try DocusaurusMigration.migrate(site: temp, display: "x") }
    }

    @Test func brokenConfigIsALocatedError() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            ["docusaurus.config.js": "module.exports = {\n  title: 'x',\n  url: 'unterminated\n};\n"], under: temp)
        do {
            _ = try DocusaurusMigration.migrate(site: temp, display: "s")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.diagnostic.location.description == "s/docusaurus.config.js:3:8")
        }
    }
}
