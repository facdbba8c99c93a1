/// One page of `docket list --json`.
public struct ListingPage: Encodable, Sendable {
    public var id: String
    public var source: String
    public var url: String
    public var title: String
    /// The docs version of the page (`current`, `1.0`); absent on an unversioned site.
    public var version: String?

    public init(id: String, source: String, url: String, title: String, version: String? = nil) {
        self.id = id
        self.source = source
        self.url = url
        self.title = title
        self.version = version
    }
}
