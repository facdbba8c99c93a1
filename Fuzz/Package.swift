// swift-tools-version:6.0
// A libFuzzer target over docket's parsers of untrusted text: pages (front matter and Markdown),
// `_category_` files, docket.yml and fixture.yml. Its own package so that the sanitizer flags
// and the separate build folder never touch the main build; the library sources are the main
// package's own, through symlinks. Run it with `make fuzz` from the repository root.
import PackageDescription

let package = Package(
    name: "docket-fuzz",
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm"),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "DocketDiagnostics"),
        .target(name: "DocketYAML", dependencies: ["CYAML", "DocketDiagnostics"]),
        .target(name: "DocketHighlight"),
        .target(name: "DocketMarkdown", dependencies: ["CCmarkGFM", "DocketDiagnostics", "DocketHighlight"]),
        .target(name: "DocketSite", dependencies: ["DocketYAML", "DocketMarkdown", "DocketDiagnostics"]),
        .executableTarget(
            name: "DocketFuzz",
            dependencies: ["DocketSite", "DocketMarkdown", "DocketYAML"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
