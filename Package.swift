// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "docket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        .library(name: "DocketBuild", targets: ["DocketBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev, libyaml-dev).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm"),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        // mimalloc (Debian: libmimalloc-dev, no pkg-config file): linked into the executable, its
        // malloc serves the whole process in place of glibc's (see Sources/docket/Allocator.swift).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),

        .target(name: "DocketDiagnostics"),
        // Build-time syntax highlighting: table-driven lexers, no dependencies.
        .target(name: "DocketHighlight"),
        .target(name: "DocketYAML", dependencies: ["CYAML", "DocketDiagnostics"]),
        .target(
            name: "DocketMarkdown", dependencies: ["CCmarkGFM", "DocketDiagnostics", "DocketHighlight"],
            // cmark-gfm's calls of this function reach DocketMarkdown's (CmarkParser.swift: pages
            // then parse in parallel without a lock); an executable exports none by default.
            // (A GNU ld / lld flag; elsewhere the calls do not arrive and parses keep the lock.)
            linkerSettings: [
                .unsafeFlags(
                    ["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"],
                    .when(platforms: [.linux]))
            ]),
        .target(name: "DocketSite", dependencies: ["DocketYAML", "DocketMarkdown", "DocketDiagnostics"]),
        .target(
            name: "DocketTheme",
            dependencies: [
                "DocketSite", "DocketRunbooks", "DocketMarkdown", "DocketDiagnostics",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedFiles"]
        ),
        // Text files compiled in at build time: the default theme (themes/default) into DocketTheme
        // and the bash runtime (Sources/DocketRunbooks/runtime) into DocketRunbooks. The EmbedFiles
        // plugin runs docket-embed, which writes them as Swift string literals into .build.
        .executableTarget(name: "docket-embed"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["docket-embed"]),
        .target(
            name: "DocketRunbooks",
            dependencies: [
                "DocketSite", "DocketMarkdown", "DocketYAML", "DocketDiagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["runtime"],
            plugins: ["EmbedFiles"]
        ),
        // Effects only: processes, bubblewrap, stubs, the fixture HTTP(S) server. Knows nothing of
        // Markdown.
        .target(
            name: "DocketSandbox",
            dependencies: [
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // `docket check`: the site check, runbook lint and drift, and fixture runs (on top of the build's loader).
        .target(
            name: "DocketChecks",
            dependencies: [
                "DocketBuild", "DocketRunbooks", "DocketSandbox", "DocketSite", "DocketYAML", "DocketMarkdown",
                "DocketDiagnostics",
            ]),
        .target(
            name: "DocketBuild",
            dependencies: [
                "DocketSite", "DocketTheme", "DocketRunbooks", "DocketMarkdown", "DocketYAML", "DocketDiagnostics",
            ]),
        // `docket serve`: the preview HTTP server and the file watcher.
        .target(
            name: "DocketServe",
            dependencies: [
                "DocketBuild", "DocketSandbox", "DocketSite", "DocketTheme", "DocketDiagnostics",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // `docket migrate`: docket.yml from a Docusaurus site's config, read as data (never run).
        .target(name: "DocketMigrate", dependencies: ["DocketSite", "DocketDiagnostics"]),
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketBuild", "DocketChecks", "DocketServe", "DocketMigrate", "DocketRunbooks", "DocketSandbox",
                "DocketSite", "CMimalloc",
                "DocketDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Golden-file and fixture helpers shared by the test targets.
        .target(
            name: "DocketTestSupport", dependencies: ["DocketDiagnostics", "DocketSite"],
            path: "Tests/DocketTestSupport"),
        .testTarget(name: "DocketDiagnosticsTests", dependencies: ["DocketDiagnostics", "DocketTestSupport"]),
        .testTarget(name: "DocketYAMLTests", dependencies: ["DocketYAML", "DocketDiagnostics"]),
        .testTarget(
            name: "DocketMarkdownTests", dependencies: ["DocketMarkdown", "DocketDiagnostics", "DocketTestSupport"]),
        .testTarget(
            name: "DocketSiteTests",
            dependencies: ["DocketSite", "DocketMarkdown", "DocketYAML", "DocketDiagnostics", "DocketTestSupport"]),
        .testTarget(name: "DocketRunbooksTests", dependencies: ["DocketRunbooks", "DocketSite", "DocketTestSupport"]),
        .testTarget(name: "DocketSandboxTests", dependencies: ["DocketSandbox", "DocketTestSupport"]),
        .testTarget(
            name: "DocketBuildTests",
            dependencies: [
                "DocketBuild", "DocketChecks", "DocketSandbox", "DocketSite", "DocketTheme", "DocketDiagnostics",
                "DocketTestSupport",
            ]),
        .testTarget(
            name: "DocketServeTests",
            dependencies: ["DocketServe", "DocketBuild", "DocketDiagnostics", "DocketTestSupport"]),
        // Fixtures/ holds the golden inputs and outputs, read by path (not resources).
        .testTarget(
            name: "DocketHighlightTests", dependencies: ["DocketHighlight", "DocketTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DocketMigrateTests", dependencies: ["DocketMigrate", "DocketSite", "DocketTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DocketTestSupport"]),
    ]
)
