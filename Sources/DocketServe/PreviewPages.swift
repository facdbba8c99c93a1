import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The pages the preview server makes itself.
enum PreviewPages {
    static func reloadScript(version: Int) -> String {
        """
        <script>(function(){var v=\(version);setInterval(function(){fetch("/__docket/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(+t!==v)location.reload()}).catch(function(){})},700)})();</script>

        """
    }

    static func problems(_ text: String, version: Int) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed | docket serve</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}pre{background:#fff5f5;border-left:4px solid #d33;padding:1rem;overflow:auto;white-space:pre-wrap}</style>
        </head><body><h1>The build failed</h1><p>Fix the problems below and save: this page reloads by itself.</p><pre>\(escaped)</pre>
        \(reloadScript(version: version))</body></html>
        """
    }
}
