import DocketDiagnostics

/// What one decode shares across its nested decoders and containers: the problems recorded on
/// the way, and for each mapping the keys the decoded types asked for (the rest are unknown).
/// A class because every container of one decode adds to the same record.
final class YAMLDecodingState {
    /// A mapping is known by where it starts: two mappings never start at the same place (an
    /// alias copy takes the alias's place).
    private struct Place: Hashable {
        var line: Int
        var column: Int
    }

    private struct Asked {
        var node: YAMLNode
        var parent: String
        /// In the order asked, a key asked twice twice: a front matter type asks for forty on
        /// every page, and a set of them (hashing every key) was most of the cost of asking.
        /// Read only for the few keys of the mapping itself, and to word an unknown key's error.
        var keys: [String] = []

        /// The keys asked, each once, in the order first asked (the known keys a misspelt one is
        /// compared with).
        var known: [String] {
            var seen = Set<String>()
            return keys.filter { seen.insert($0).inserted }
        }
    }

    let document: YAMLDocument
    private(set) var problems: [YAMLDecodingError] = []
    /// The opened mappings, each with the keys asked of it, and where each is in that list. An
    /// array changed in place by index: the record of a dictionary value, changed through
    /// optional chaining, was copied (keys and all) for every key asked, forty on every page.
    private var mappings: [Asked] = []
    private var mappingIndex: [Place: Int] = [:]
    /// The mapping asked last and its index: a type asks all its keys of one mapping in a row.
    private var lastAsked: (place: Place, index: Int)?

    init(document: YAMLDocument) {
        self.document = document
    }

    func record(_ problem: YAMLDecodingError) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// Records any error a type threw while decoding `node`, located at `node` unless it is
    /// located already.
    func record(_ error: any Error, at node: YAMLNode) {
        switch error {
        case let located as YAMLDecodingError:
            record(located)
        case let decoding as DecodingError:
            record(YAMLDecodingError(at: document.location(of: node), Self.message(of: decoding)))
        default:
            record(YAMLDecodingError(at: document.location(of: node), "\(error)"))
        }
    }

    /// Notes that a type reads `mapping` (so its keys are checked), under the dotted `parent`.
    func opened(_ mapping: YAMLNode, parent: String) {
        let place = Place(line: mapping.line, column: mapping.column)
        if mappingIndex[place] == nil {
            mappingIndex[place] = mappings.count
            mappings.append(Asked(node: mapping, parent: parent))
        }
    }

    /// Notes that a type asked `mapping` for `key`, whether or not it is there.
    func asked(_ key: String, in mapping: YAMLNode) {
        let place = Place(line: mapping.line, column: mapping.column)
        let index: Int
        if let last = lastAsked, last.place == place {
            index = last.index
        } else {
            guard let found = mappingIndex[place] else { return }
            index = found
            lastAsked = (place, found)
        }
        mappings[index].keys.append(key)
    }

    /// Every key of an opened mapping that nothing asked for, in document order.
    var unknownKeys: [YAMLUnknownKey] {
        var found: [YAMLUnknownKey] = []
        for asked in mappings {
            // A type asks for a few dozen keys, compared in a row; a dictionary asks for every key
            // of its mapping, thousands perhaps, which a set finds without comparing each pair.
            let many = asked.keys.count > 64 ? Set(asked.keys) : nil
            for pair in asked.node.mapping ?? [] {
                guard let key = pair.key.scalar?.text, !(many?.contains(key) ?? asked.keys.contains(key)) else {
                    continue
                }
                found.append(
                    YAMLUnknownKey(
                        key: key, parent: asked.parent, location: document.location(of: pair.key), known: asked.known))
            }
        }
        return found.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Swift's own decoding errors (from a `RawRepresentable` enum, say), in plain words.
    private static func message(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
