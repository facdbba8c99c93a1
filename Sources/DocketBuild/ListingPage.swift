/// One page of `docket list --json`.
struct ListingPage: Encodable, Sendable {
    var id: String
    var source: String
    var url: String
    var title: String
    /// The docs version of the page (`current`, `1.0`); absent on an unversioned site.
    var version: String?
}
