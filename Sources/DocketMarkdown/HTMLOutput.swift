/// The HTML of a page while the renderer writes it: UTF-8 bytes appended in place, made a
/// `String` once at the end.
///
/// Written by hand, small on purpose: a `String` checks that it is unique, has room and is
/// still ASCII on every append, which for the many short pieces of a page (tags, attributes,
/// words) cost about twice the appends themselves; the bytes here are checked once, when the
/// page's text is made.
struct HTMLOutput {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    static func += (output: inout HTMLOutput, text: String) {
        text.withUTF8Bytes { output.bytes.append(contentsOf: $0) }
    }

    static func += (output: inout HTMLOutput, text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ output.bytes.append(contentsOf: $0) }) == nil {
            output.bytes.append(contentsOf: text.utf8)
        }
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
