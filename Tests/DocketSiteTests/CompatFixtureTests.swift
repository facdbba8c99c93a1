import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// The Docusaurus compatibility cases of `Tests/Fixtures/compat/` (see its README): the expected
/// pages and sidebar were derived by hand from the rules, so these tests are an independent oracle
/// for ids, URLs, titles and sidebar order; the error cases assert their diagnostics.
@Suite struct CompatFixtureTests {
    static let cases = Fixtures.cases("compat")

    @Test(arguments: cases)
    func matchesDocusaurus(_ name: String) throws {
        let root = Fixtures.url("compat").appendingPathComponent(name)
        let (site, diagnostics) = try SiteFixture.load(root)
        let expected = root.appendingPathComponent("expected")
        if let text = try? String(contentsOf: expected.appendingPathComponent("diagnostics.txt"), encoding: .utf8) {
            #expect(diagnostics.hasErrors, "\(name) should fail")
            let printed = diagnostics.all.map(\.description).joined(separator: "\n")
            for line in text.split(separator: "\n") where !line.isEmpty {
                #expect(printed.contains(line), "\(name): expected a diagnostic containing '\(line)' in:\n\(printed)")
            }
            for diagnostic in diagnostics.errors {
                #expect(diagnostic.location.line >= 1, "\(diagnostic) has no line")
            }
            return
        }
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let data = try Data(contentsOf: expected.appendingPathComponent("list.json"))
        let want = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let got = try SiteFixture.listing(site)
        // Compared as canonical JSON (sorted keys), so key order in the fixture does not matter.
        for key in ["pages", "sidebar"] {
            let actual = SiteFixture.json(got[key]!)
            #expect(actual == SiteFixture.json(want[key]!), "\(key) of \(name), actual:\n\(actual)")
        }
    }
}
