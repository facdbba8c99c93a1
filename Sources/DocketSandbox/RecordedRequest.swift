/// A request the fixture server received, as recorded for expectations.
public struct RecordedRequest: Codable, Sendable, Equatable {
    public var method: String
    /// `https://host/path?query`.
    public var url: String
    public var status: Int
}
