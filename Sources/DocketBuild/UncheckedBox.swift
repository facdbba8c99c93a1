import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTheme
import Foundation

/// The page context holds template dictionaries (`Any`), which Swift cannot prove thread-safe;
/// they are built once and only read while pages render in parallel.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
