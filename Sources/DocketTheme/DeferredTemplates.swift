import Mustache
import Synchronization

/// The templates a theme never runs while it renders their output natively (`page`,
/// `sidebar-items`, `toc-items` and the internal `docket-toc-items`, each while it is the
/// built-in one and no template that runs includes it): their texts, parsed only when something
/// does render one of them through swift-mustache (the tests that hold the native output to the
/// template's). swift-mustache's parser spends time quadratic in a template's length (at every
/// tag it counts the characters left in the text): `page` and `sidebar-items` were most of the
/// 45M instructions a build spent parsing the default theme, for templates it never ran.
final class DeferredTemplates: Sendable {
    /// The templates' texts as registered (with `Theme.escapingPragma`), by name.
    let texts: [String: String]
    private let parsed = Mutex<[String: MustacheTemplate]?>(nil)

    init(_ texts: [String: String]) { self.texts = texts }

    /// `library` with the deferred templates registered, parsed on the first call.
    func adding(to library: MustacheLibrary) -> MustacheLibrary {
        let templates = parsed.withLock { parsed in
            if let parsed { return parsed }
            var made: [String: MustacheTemplate] = [:]
            for (name, text) in texts {
                // Only built-in templates are deferred, and the built-in templates are tested to
                // parse (`Theme.builtIn`).
                made[name] = try! MustacheTemplate(string: text)
            }
            parsed = made
            return made
        }
        var library = library
        for (name, template) in templates { library.register(template, named: name) }
        return library
    }
}
