/// A list of strings where one string stands for a list of one (`keywords: docs`). A null item
/// is skipped; an item that is not a scalar is recorded at the item and skipped, so the others
/// are kept; the list itself being null, a mapping or missing in a required place is an error.
public struct StringList: Sendable, Equatable, Decodable, YAMLNullAware {
    public var items: [String]

    public init(_ items: [String]) {
        self.items = items
    }

    public init(from decoder: any Decoder) throws {
        guard let yaml = decoder as? YAMLNodeDecoder else {
            var container = try decoder.unkeyedContainer()
            var items: [String] = []
            while !container.isAtEnd { items.append(try container.decode(String.self)) }
            self.items = items
            return
        }
        let node = yaml.node
        if let scalar = node.scalar, !scalar.isNull {
            items = [scalar.text]
            return
        }
        guard let list = node.sequence else { throw yaml.mismatch("a list of strings") }
        var items: [String] = []
        for (index, item) in list.enumerated() where !item.isNull {
            do {
                items.append(try yaml.child(item, key: YAMLCodingKey(intValue: index)).decode(String.self))
            } catch {
                yaml.state.record(error, at: item)
            }
        }
        self.items = items
    }
}
