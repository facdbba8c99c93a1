import Mustache

/// A view held by reference while a template renders. swift-mustache hands every value it looks
/// up around as `Any`: a struct view is copied into a new box, all its strings retained, on
/// every `{{page.…}}` lookup (a page makes about a hundred); a class reference costs one retain.
final class TemplateRef<Value: MustacheParent & Sendable>: MustacheParent, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    func child(named name: String) -> Any? { value.child(named: name) }
}
