/// One page of `docket list --json`.
struct ListingPage: Encodable, Sendable {
    var id: String
    var source: String
    var url: String
    var title: String
}
