import DocketSite
import DocketTheme

extension SiteListing {
    /// `docket list --json` of one site: `document(site)` in the shared JSON form (keys sorted,
    /// two-space indent), ending with a newline.
    public static func json(_ site: Site) -> String {
        JSONText.encode(document(site), pretty: true) + "\n"
    }

    /// `docket list --json` of a loaded site, every version included (`document(_: SiteLoad)`).
    public static func json(_ loaded: LoadedSite) -> String {
        guard let versions = loaded.versions else { return json(loaded.site) }
        let all = versions.all(loaded)
        return JSONText.encode(VersionedListing.document(all, primary: loaded.site), pretty: true) + "\n"
    }
}
