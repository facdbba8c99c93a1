import DocketChecks
import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// Everything `docket check` found.
public struct CheckReport: Sendable {
    /// Problems of the site itself: links, anchors, front matter.
    public var site = Diagnostics()
    /// Runbook lint (extraction and shellcheck).
    public var lint = Diagnostics()
    /// Committed runbooks that differ from the pages.
    public var drift = Diagnostics()
    /// Fixture problems and runbooks without a fixture.
    public var fixtures = Diagnostics()
    public var runbooks: [RunbookCheckResult] = []

    public var all: Diagnostics {
        var all = Diagnostics()
        for group in [site, lint, drift, fixtures] { all.append(contentsOf: group) }
        for runbook in runbooks { all.append(contentsOf: runbook.failures) }
        return all
    }

    public var failed: Bool { all.hasErrors }
}
