import DocketTestSupport
import Foundation
import Testing

@testable import DocketBuild

/// `BuildOptions.keepsSiteUntilExit`: only a build that asks leaves its site unfreed, and what
/// it writes is the same.
@Suite struct KeptSitesTests {
    @Test func onlyABuildWhoseProcessEndsKeepsItsSite() throws {
        let root = try Fixtures.copySite("basic")
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("freed").path
        let before = KeptSites.count
        #expect(SiteBuilder.build(options).succeeded)
        #expect(KeptSites.count == before, "a build that does not end its process freed its site")

        options.output = root.appendingPathComponent("kept").path
        options.keepsSiteUntilExit = true
        #expect(SiteBuilder.build(options).succeeded)
        #expect(KeptSites.count == before + 1, "the site of a build that ends its process is kept")

        for file in ["docs/intro/index.html", "assets/docket/search-index.json", "assets/docket/sidebar.json"] {
            let freed = try Data(contentsOf: root.appendingPathComponent("freed/" + file))
            let kept = try Data(contentsOf: root.appendingPathComponent("kept/" + file))
            #expect(freed == kept, "\(file) differs")
        }
    }
}
