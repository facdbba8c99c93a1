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

    static func problems(_ text: String, version: Int) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed | docket serve</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}pre{background:#fff5f5;border-left:4px solid #d33;padding:1rem;overflow:auto;white-space:pre-wrap}</style>
        </head><body><h1>The build failed</h1><p>Fix the problems below and save: this page reloads by itself.</p><pre>\(escaped)</pre>
        \(reloadTag(version: version))</body></html>
        """
    }
}
