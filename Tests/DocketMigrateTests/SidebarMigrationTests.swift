import DocketMigrate
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// `docket migrate` carries every sidebar of sidebars.js, the item keys docket's sidebar takes
/// (`className`, `customProps`, `key`) and `trailingSlash`, and the result loads back cleanly.
@Suite struct SidebarMigrationTests {
    private func migrate(config: String, sidebars: String) throws -> (yaml: String, warnings: [String]) {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docusaurus.config.js": config,
                "sidebars.js": sidebars,
                "docs/intro.md": "# Intro\n",
                "docs/api.md": "# API\n",
            ], under: temp)
        let result = try DocusaurusMigration.migrate(site: temp, display: "s")
        return (result.docketYAML, result.diagnostics.sorted.map { "\($0.location): \($0.message)" })
    }

    private static let config = """
        module.exports = {
          title: 'T',
          url: 'https://example.org',
          baseUrl: '/',
          trailingSlash: true,
          presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]],
        };
        """

    @Test func everySidebarAndItsItemKeysAreMigrated() throws {
        let (yaml, warnings) = try migrate(
            config: Self.config,
            sidebars: """
                module.exports = {
                  docs: ['intro', {type: 'doc', id: 'intro', className: 'hot', key: 'intro-again', customProps: {badge: 'new', n: 2}}],
                  api: [{type: 'category', label: 'API', className: 'api', items: ['api']},
                        {type: 'link', label: 'Home', href: 'https://example.org', className: 'ext'}],
                };
                """)
        #expect(
            warnings == [
                "s/sidebars.js:4:68: 'className' of this sidebar link is not migrated: docket's sidebar has no such setting"
            ])
        #expect(yaml.contains("trailingSlash: true\n"))
        #expect(yaml.contains("sidebars:\n  docs:\n"))
        #expect(yaml.contains("\n  api:\n"))
        var config = SiteConfig()
        let problems = SiteConfigLoader.load(yaml, path: "docket.yml", into: &config)
        #expect(!problems.hasErrors, "\(problems.all)")
        #expect(config.trailingSlash == true)
        #expect(config.sidebars?.map(\.name) == ["docs", "api"])
        guard case .attributed(_, let attributes)? = config.sidebars?.first?.items.last else {
            Issue.record("the second docs item lost its attributes:\n\(yaml)")
            return
        }
        #expect(attributes.className == "hot")
        #expect(attributes.key == "intro-again")
        #expect((attributes.customProps?.templateValue as? [String: Any])?["n"] as? Double == 2)
    }

    @Test func aTrailingSlashThatIsNotABooleanIsReported() throws {
        let config = Self.config.replacingOccurrences(
            of: "trailingSlash: true", with: "trailingSlash: process.env.SLASH")
        let (yaml, warnings) = try migrate(config: config, sidebars: "module.exports = { docs: ['intro'] };\n")
        #expect(!yaml.contains("trailingSlash"))
        #expect(
            warnings.contains { $0.hasPrefix("s/docusaurus.config.js:5:3:") && $0.contains("trailingSlash") },
            "\(warnings)")
        #expect(yaml.contains("sidebar:\n  - intro\n"))
    }
}
