/// One answer of the fixture HTTP server.
public struct FixtureRoute: Codable, Sendable, Equatable {
    public var method: String
    public var scheme: String
    public var host: String
    public var path: String
    /// When set, the query string must match exactly; nil accepts any query.
    public var query: String?
    public var status: Int
    public var headers: [String: String]
    /// An absolute path to the body file (empty body when nil).
    public var bodyFile: String?

    public init(
        method: String, scheme: String, host: String, path: String, query: String?, status: Int,
        headers: [String: String], bodyFile: String?
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.path = path
        self.query = query
        self.status = status
        self.headers = headers
        self.bodyFile = bodyFile
    }
}
