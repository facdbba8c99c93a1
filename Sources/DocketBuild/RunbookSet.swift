import DocketDiagnostics
import DocketRunbooks
import DocketSite
import Foundation

/// Every runbook of a site, extracted from the pages the site stage parsed.
public struct RunbookSet: Sendable {
    public var runbooks: [Runbook]
    /// Runbook id by page source (content-relative path).
    public var idBySource: [String: String]
    public var diagnostics: Diagnostics

    /// The generated files, by file name (`authentik.sh`, `authentik.json`), in a stable order.
    public var files: [(name: String, content: String)] {
        runbooks.sorted { $0.id < $1.id }.flatMap { runbook in
            [
                ("\(runbook.id).json", ManifestGenerator.manifest(for: runbook)),
                ("\(runbook.id).sh", ScriptGenerator.script(for: runbook)),
            ]
        }
    }

    public static func extract(from loaded: LoadedSite) -> RunbookSet {
        var diagnostics = Diagnostics()
        var runbooks: [Runbook] = []
        var idBySource: [String: String] = [:]
        var sourceByID: [String: String] = [:]
        let prefix = loaded.contentLabel
        // By index: `for page in` copied every page (a retain of each of its many parts).
        let pages = loaded.site.pages
        for index in pages.indices {
            // Only a `runbook:` key in the front matter makes one (`RunbookExtractor.extract`
            // answers nil for any other page): other pages are passed over without copying the
            // page into the call and making its label, 2,500 instructions a page on one core
            // (about 7 ms of a 10,000-page build).
            guard pages[index].parsed.frontMatter.raw?["runbook"] != nil else { continue }
            let source = pages[index].source
            let (runbook, problems) = RunbookExtractor.extract(pages[index].parsed, sourceLabel: prefix + source)
            diagnostics.append(contentsOf: problems)
            guard let runbook, !runbook.id.isEmpty else { continue }
            if let other = sourceByID[runbook.id] {
                diagnostics.error(
                    at: pages[index].location,
                    "the runbook id '\(runbook.id)' is also used by \(other); runbook ids must be unique")
                continue
            }
            sourceByID[runbook.id] = prefix + source
            idBySource[source] = runbook.id
            runbooks.append(runbook)
        }
        return RunbookSet(runbooks: runbooks, idBySource: idBySource, diagnostics: diagnostics)
    }
}

extension LoadedSite {
    /// The content folder as generated files name it: relative to the site root when it lies
    /// inside it (`content/`), so the files do not depend on where docket runs.
    var contentLabel: String {
        let root = self.root.url.standardizedFileURL.path
        let content = self.content.url.standardizedFileURL.path
        if content.hasPrefix(root + "/") { return String(content.dropFirst(root.count + 1)) + "/" }
        return self.content.display + "/"
    }

    /// `<root>/runbooks`.
    public var runbooksFolder: URL { root.url.appendingPathComponent("runbooks") }
}
