import DocketDiagnostics

/// Why a load stopped before a site existed (no content folder, no pages, an error in
/// docket.yml or versions.json, a version that could not be loaded), with every problem found
/// until then.
public struct SiteLoadFailure: Error, Sendable {
    public var diagnostics: Diagnostics

    public init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }
}
