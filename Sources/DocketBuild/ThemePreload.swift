import DocketSite
import DocketTheme
import Synchronization

/// A build's theme, loaded on a thread of its own from the moment docket.yml is read
/// (`SiteLoader.load`'s `configured`). Reading the theme's files and parsing its templates took
/// a few milliseconds on one core between the page stages and the rendering (a 1,000-page build:
/// 4-8 ms of 0.4 s); started early, it runs beside the content scan and the parsing.
final class ThemePreload: Sendable {
    private let work = Mutex<BackgroundWork<Result<Theme, ThemeError>>?>(nil)

    init() {}

    /// Starts loading the theme `config` names; a second call does nothing.
    func start(config: SiteConfig, root: ResolvedPath, source: any SiteSource) {
        let name = config.themeName
        work.withLock { work in
            guard work == nil else { return }
            work = BackgroundWork {
                Result { () throws(ThemeError) -> Theme in try ThemeFolder.load(name: name, root: root, source: source)
                }
            }
        }
    }

    /// The theme or why it failed to load, once loaded (this waits); nil when `start` was never
    /// called. Call it once.
    func take() -> Result<Theme, ThemeError>? {
        work.withLock { $0.take() }?.wait()
    }
}
