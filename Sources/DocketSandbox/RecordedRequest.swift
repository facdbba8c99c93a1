/// A request the fixture server received, as recorded for expectations.
public struct RecordedRequest: Codable, Sendable, Equatable {
    public var method: String
    /// `https://host/path?query`.
    public var url: String
    public var status: Int
    /// False when no route of the fixture answered it (a 404 of the server, not of a route).
    /// Optional so that a log without it still reads.
    public var routed: Bool?
    /// When it arrived, in seconds since 1970 (the clock the runtime's step events use), to
    /// attribute it to the step running then.
    public var time: Double?
    /// Its place in the server's order of arrival, from 0.
    public var sequence: Int?

    public init(
        method: String, url: String, status: Int, routed: Bool? = nil, time: Double? = nil, sequence: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.status = status
        self.routed = routed
        self.time = time
        self.sequence = sequence
    }
}
