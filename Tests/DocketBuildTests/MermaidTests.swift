import DocketBuild
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// The bundled mermaid: written to the output only when a page has a diagram and no other script
/// is configured; pages then load it from the site itself.
@Suite struct MermaidTests {
    static let diagramPage = "---\ntitle: Flow\n---\n\nText.\n\n```mermaid\nflowchart LR\n  a --> b\n```\n"
    static let plainPage = "---\ntitle: Plain\n---\n\nNo diagram here, only `code`.\n"

    /// Builds a site from `files` and returns its output folder.
    func build(_ files: [String: String]) throws -> URL {
        let site = try BuiltSite(files, label: "mermaid")
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        return site.output
    }

    func read(_ out: URL, _ path: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ out: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path)
    }

    @Test func bundledCopyIsWrittenAndLoadedLocallyWhenAPageHasADiagram() throws {
        let out = try build([
            "docket.yml": "title: T\n", "content/flow.md": Self.diagramPage, "content/plain.md": Self.plainPage,
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let script = "assets/docket/vendor/mermaid/mermaid.min.js"
        #expect(try read(out, script) == Theme.builtIn.files["assets/" + MermaidBundle.script])
        #expect(try read(out, script).contains("globalThis[\"mermaid\"]"))
        #expect(try read(out, "assets/docket/vendor/mermaid/LICENSE").contains("MIT"))
        #expect(try read(out, "assets/docket/vendor/mermaid/VERSION").hasPrefix("mermaid 11."))

        let flow = try read(out, "docs/flow/index.html")
        #expect(flow.contains(#"data-mermaid-script="/assets/docket/vendor/mermaid/mermaid.min.js""#))
        #expect(flow.contains(#"<pre class="mermaid">"#))
        #expect(!(try read(out, "docs/plain/index.html")).contains("data-mermaid-script"))
        // No page asks a third party for anything.
        for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) where path.hasSuffix(".html") {
            let html = try read(out, path)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(path) names a remote URL")
        }
    }

    @Test func noDiagramNoMermaidInTheOutput() throws {
        let out = try build(["docket.yml": "title: T\n", "content/plain.md": Self.plainPage])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(!exists(out, "assets/docket/vendor/mermaid"))
        #expect(exists(out, "assets/docket/docket.js"))
    }

    @Test func aDiagramInsideAnAdmonitionCounts() throws {
        let page = "---\ntitle: Nested\n---\n\n:::note\n\n```mermaid\ngraph TD; a-->b;\n```\n\n:::\n"
        let out = try build(["docket.yml": "title: T\n", "content/nested.md": page])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(exists(out, "assets/docket/vendor/mermaid/mermaid.min.js"))
        #expect(try read(out, "docs/nested/index.html").contains("data-mermaid-script="))
    }

    @Test func aConfiguredCDNIsLoadedAndTheCopyLeftOut() throws {
        let cdn = "https://cdn.example.net/mermaid@11/mermaid.min.js"
        let out = try build([
            "docket.yml": "title: T\nmermaid:\n  script: \(cdn)\n", "content/flow.md": Self.diagramPage,
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(!exists(out, "assets/docket/vendor/mermaid"))
        #expect(try read(out, "docs/flow/index.html").contains("data-mermaid-script=\"\(cdn)\""))
    }

    @Test func aStaticPathIsUnderTheBaseURL() throws {
        let out = try build([
            "docket.yml": "title: T\nbaseUrl: /handbook/\nmermaid:\n  script: /js/mermaid.min.js\n",
            "content/flow.md": Self.diagramPage, "static/js/mermaid.min.js": "window.mermaid = {};\n",
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(
            try read(out, "handbook/docs/flow/index.html").contains(
                #"data-mermaid-script="/handbook/js/mermaid.min.js""#))
        #expect(!exists(out, "assets/docket/vendor/mermaid") && !exists(out, "handbook/assets/docket/vendor/mermaid"))
    }

    @Test func aScriptThatIsNotAStringIsALocatedError() throws {
        let site = try BuiltSite(
            ["docket.yml": "title: T\nmermaid:\n  script: [a, b]\n", "content/flow.md": Self.diagramPage],
            label: "mermaid")
        defer { site.remove() }
        let problem = try #require(site.result.diagnostics.all.first { $0.message.contains("mermaid.script") })
        #expect(problem.location.path.hasSuffix("docket.yml") && problem.location.line == 3, "\(problem)")
    }
}
