import Foundation

/// `docket init`: the files of a new site. Nothing that exists is overwritten.
public enum SiteScaffold {
    /// Why a scaffold was not written.
    public struct Conflict: Error, CustomStringConvertible {
        public var paths: [String]
        public var description: String { "already exists: \(paths.joined(separator: ", ")); nothing was written" }
    }

    public static let files: [(path: String, content: String)] = [
        (
            "docket.yml",
            """
            title: My docs
            tagline: Documentation built with docket
            url: https://docs.example.org
            baseUrl: /
            routeBasePath: /
            onBrokenLinks: error
            navbar:
              - { label: Guides, to: /guides/first-steps }
            footer:
              copyright: "My team"

            """
        ),
        (
            "content/index.md",
            """
            ---
            title: Welcome
            sidebar_position: 1
            ---

            # Welcome

            This site is built with docket. Edit `content/index.md`, then run `docket build` or
            `docket serve`. Read the [first steps](guides/first-steps.md) next.

            """
        ),
        (
            "content/guides/_category_.yml",
            """
            label: Guides
            position: 2

            """
        ),
        (
            "content/guides/first-steps.md",
            """
            ---
            title: First steps
            description: Where a new page goes and how it gets into the sidebar.
            ---

            Every `.md` file under `content/` is a page. Its folder decides its place in the sidebar,
            and `sidebar_position` in its front matter orders it among its neighbours.

            :::tip
            Admonitions, tables, task lists and mermaid diagrams work as in Docusaurus.
            :::

            """
        ),
        ("static/.gitkeep", ""),
        (".gitignore", "_site/\n"),
    ]

    /// Writes the scaffold under `directory` (created when missing).
    public static func write(into directory: URL) throws -> [String] {
        let fm = FileManager.default
        let conflicts = files.map(\.path).filter { fm.fileExists(atPath: directory.appendingPathComponent($0).path) }
        if !conflicts.isEmpty { throw Conflict(paths: conflicts) }
        for (path, content) in files {
            let url = directory.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return files.map(\.path)
    }
}
