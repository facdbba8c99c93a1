import DocketTestSupport
import Foundation
import Testing

@testable import DocketBuild

/// `docket build --timings`: every stage of a build is recorded, and nothing is while off.
@Suite(.serialized) struct BuildTimingsTests {
    @Test func aBuildRecordsEveryStage() throws {
        let root = try Fixtures.copySite("basic")
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        BuildTimings.shared.start()
        let result = SiteBuilder.build(options)
        #expect(result.succeeded)
        let names = Set(BuildTimings.shared.stages.map(\.name))
        for stage in [
            "read + parse pages", "resolve links", "render + write pages", "site-wide files", "sidebar.json", "sitemap",
            "swap output in",
        ] {
            #expect(names.contains(stage), "stage \(stage) missing from \(names.sorted())")
        }
        #expect(BuildTimings.shared.stages.allSatisfy { $0.wall >= 0 && $0.cpu >= 0 })
        let report = BuildTimings.shared.report()
        #expect(report.contains("render + write pages"))
        #expect(report.split(separator: "\n").last?.hasPrefix("total (stages)") == true)
    }

    @Test func nothingIsRecordedUnlessStarted() {
        let timings = BuildTimings()
        let value = timings.measure("idle") { 41 + 1 }
        #expect(value == 42)
        #expect(timings.stages.isEmpty)
        timings.start()
        _ = timings.measure("busy") { 1 }
        #expect(timings.stages.map(\.name) == ["busy"])
    }

    @Test func aFailingStageRethrowsAndIsNotRecorded() {
        struct Broken: Error {}
        let timings = BuildTimings()
        timings.start()
        #expect(throws: Broken.self) { try timings.measure("broken") { () throws(Broken) -> Int in throw Broken() } }
        #expect(timings.stages.isEmpty)
    }
}
