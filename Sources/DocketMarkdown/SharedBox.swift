/// An immutable value on the heap, shared by every copy of the struct that holds it. Large,
/// rarely changed payloads of `MarkdownNode.Kind` (`CodeBlockInfo`, `MDXElement`) keep their
/// fields in one so that a node is not as wide as its widest kind; changing a field makes a
/// new box.
final class SharedBox<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
