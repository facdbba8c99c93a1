import DocketDiagnostics
import Foundation

/// How well one runbook's fixture catches changes of its page: killed / total mutants.
public struct MutationScore: Sendable {
    public var runbook: String
    public var total: Int
    public var killed: Int
    /// Changes in manual steps, which no fixture can run: counted apart.
    public var notCheckable: Int
    /// Mutants that could not run at all (a sandbox error): neither killed nor survived.
    public var errors: Int
    public var survivors: [Mutant]
    public var duration: TimeInterval

    /// killed / total (1 when there is nothing to mutate).
    public var score: Double { total == 0 ? 1 : Double(killed) / Double(total) }
    public var perSecond: Double { duration > 0 ? Double(total) / duration : 0 }

    /// `mutation score authentik: 0.91 (41/45 killed, 3 not checkable, 12.4 mutants/s)`.
    public var line: String {
        "mutation score \(runbook): \(String(format: "%.2f", score)) (\(killed)/\(total) killed, \(notCheckable) not checkable\(errors > 0 ? ", \(errors) could not run" : ""), \(String(format: "%.2f", perSecond)) mutants/s)"
    }
}
