import DocketDiagnostics

/// A page's neighbours in reading order.
public struct Navigation: Sendable {
    public struct Link: Sendable, Equatable {
        public var label: String
        public var url: String
    }

    public var previous: Link?
    public var next: Link?
}
