import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The pages the preview server makes itself.
enum PreviewPages {
    /// The tag injected before `</body>` of every page served: the reload script, told which
    /// version the page shows.
    static func reloadTag(version: Int) -> String {
        "<script src=\"/__docket/reload.js\" data-version=\"\(version)\"></script>\n"
    }

    /// Served at `/__docket/reload.js`, only by `docket serve` (the theme knows nothing of it):
    /// listens to the reload channel and reloads when a build newer than the page is published.
    /// EventSource reconnects by itself, so a restarted server reloads the page too.
    static let reloadScript = """
        (function () {
          var script = document.currentScript;
          var shown = script && script.getAttribute("data-version");
          if (!window.EventSource) return;
          var events = new EventSource("/__docket/events");
          events.onmessage = function (event) {
            if (event.data !== shown) { events.close(); location.reload(); }
          };
        })();

        """

    /// The page served while the first build runs (the server listens before it starts): it
    /// reloads itself when that build is published, as every page does on a new build.
    static func building(version: Int) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1"><title>Building…</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:70rem}
        @media (prefers-color-scheme:dark){body{background:#1b1b1d;color:#e3e3e3}}</style></head>
        <body><h1>Building the site…</h1><p>This page reloads by itself when the first build is done.</p>
        \(reloadTag(version: version))</body></html>

        """
    }

    /// The error page: every problem with the source lines around it and its column marked,
    /// light or dark as the reader's system prefers, readable on a phone.
    static func problems(_ problems: [ShownProblem], version: Int) -> String {
        var body = ""
        for problem in problems {
            body += "<section class=\"problem\(problem.isError ? " error" : "")\"><h2>\(escape(problem.heading))</h2>"
            if !problem.excerpt.isEmpty {
                body += "<pre class=\"excerpt\"><code>"
                for line in problem.excerpt {
                    let here = line.number == problem.line
                    body +=
                        "<span class=\"line\(here ? " here" : "")\"><span class=\"number\">\(line.number)</span>\(escape(line.text))\n</span>"
                    if here && problem.column > 0 {
                        // The caret sits under the column (bytes, as diagnostics count them).
                        let pad = String(repeating: " ", count: min(problem.column - 1, line.text.utf8.count))
                        body +=
                            "<span class=\"caret\" aria-label=\"column \(problem.column)\"><span class=\"number\"></span>\(pad)^\n</span>"
                    }
                }
                body += "</code></pre>"
            }
            if let detail = problem.detail, !detail.isEmpty { body += "<pre class=\"detail\">\(escape(detail))</pre>" }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark"><title>Build failed | docket serve</title>
            <style>
            :root{--bg:#fff;--fg:#1c1e21;--box:#f6f7f8;--bad:#d33;--here:#ffe8e8}
            @media (prefers-color-scheme:dark){:root{--bg:#1b1b1d;--fg:#e3e3e3;--box:#242526;--bad:#ff6b6b;--here:#4a2020}}
            body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:70rem;background:var(--bg);color:var(--fg)}
            h1{color:var(--bad)} h2{font:600 0.95rem/1.4 ui-monospace,monospace;overflow-wrap:anywhere}
            pre{background:var(--box);padding:.75rem;overflow:auto;border-left:4px solid var(--bad)}
            .line{display:block}.here{background:var(--here)}.caret{display:block;color:var(--bad);font-weight:700}
            .number{display:inline-block;min-width:3.5em;opacity:.6;user-select:none}
            .detail{white-space:pre-wrap}
            </style></head><body><h1>The build failed</h1>
            <p>Fix the problems below and save: this page reloads by itself.</p>
            \(body)\(reloadTag(version: version))</body></html>
            """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
