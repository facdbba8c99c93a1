import Foundation

/// The executables SwiftPM built for this test run, found beside the running test bundle
/// (`.build/<triple>/debug` or `…/release`), so that end-to-end tests run the `docket` built from
/// the code under test: never a stale `.build/debug/docket`, and the release binary under
/// `swift test -c release`.
public enum BuiltProducts {
    /// The folder holding the test bundle and the products built with it.
    public static let folder: URL = {
        #if os(macOS)
            // The test bundle is loaded into xctest or swiftpm-testing-helper: find it among the bundles.
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        // On Linux the test bundle is itself the executable running (docketPackageTests.xctest).
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }()

    /// The `docket` executable built for this run.
    public static var docket: URL { executable("docket") }

    /// The executable product `name` built for this run.
    public static func executable(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
