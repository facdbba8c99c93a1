import DocketTestSupport
import Foundation
import Testing

/// Acceptance runs on the real Docusaurus docs folder in `../shared/corpora` (absent from a
/// user's clone: then these tests are skipped with a message).
@Suite struct CorpusTests {
    static let corpus = Fixtures.corpora?.appendingPathComponent("reflector-docs")

    @Test(.enabled(if: corpus != nil, "../shared/corpora/reflector-docs is absent; corpus acceptance skipped"))
    func reflectorDocsBrokenLinksAreReportedAtTheirLine() throws {
        let corpus = try #require(Self.corpus)
        let out = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try BinaryTests().docket(
            [
                "build", "--content", corpus.appendingPathComponent("docs").path,
                "--static", corpus.appendingPathComponent("static").path, "--out",
                out.appendingPathComponent("site").path,
            ], in: out)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("reflector-docs/docs/intro.md:49:70: error: broken link './pipelines/overview'"),
            "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("site").path))
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpora/reflector-docs is absent; corpus acceptance skipped"))
    func reflectorDocsBuildAtDocusaurusURLs() throws {
        let corpus = try #require(Self.corpus)
        let out = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let site = out.appendingPathComponent("site")
        let args = [
            "--content", corpus.appendingPathComponent("docs").path, "--static",
            corpus.appendingPathComponent("static").path,
        ]
        let run = try BinaryTests().docket(["build", "--broken-links", "warn", "--out", site.path] + args, in: out)
        #expect(run.status == 0, "\(run.stderr)")
        for url in [
            "docs/intro", "docs/installation/auth-setup", "docs/installation/overview", "docs/concepts/modes",
            "docs/reference/api", "docs/pipelines/file-pipeline", "docs/roadmap",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: site.appendingPathComponent(url + "/index.html").path), "\(url)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("openapi.json").path))
        let list = try BinaryTests().docket(["list", "--json"] + args, in: out)
        let object = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        let sidebar = try #require(object?["sidebar"] as? [[String: Any]])
        #expect(
            sidebar.compactMap { $0["label"] as? String } == [
                "Introduction", "Roadmap", "concepts", "installation", "pipelines", "reference",
            ])
        let installation = try #require(
            sidebar.first { $0["label"] as? String == "installation" }?["items"] as? [[String: Any]])
        #expect(installation.first?["label"] as? String == "Deployment Guide")
        #expect(installation.contains { $0["url"] as? String == "/docs/installation/auth-setup" })
    }
}
