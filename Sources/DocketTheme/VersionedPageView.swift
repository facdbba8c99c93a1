/// The fields a version sets on a page's view: the doc page's `PageView` and the generated
/// index or tag page's `CardsPageView` (`VersionMenu.decorate`).
protocol VersionedPageView {
    var noindex: Bool { get set }
    var versionBadge: String? { get set }
    var versionBanner: VersionView.Banner? { get set }
}

extension PageView: VersionedPageView {}
extension CardsPageView: VersionedPageView {}
