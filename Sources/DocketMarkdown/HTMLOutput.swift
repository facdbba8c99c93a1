/// The HTML of a page while the renderer writes it: UTF-8 bytes appended in place, made a
/// `String` once at the end.
///
/// Written by hand, small on purpose: a `String` checks that it is unique, has room and is
/// still ASCII on every append, which for the many short pieces of a page (tags, attributes,
/// words) cost about twice the appends themselves; the bytes here are checked once, when the
/// page's text is made. Its own buffer rather than a `[UInt8]`: `Array.append(contentsOf:)`
/// took about a hundred instructions for each of the hundreds of pieces of a page (a
/// uniqueness check, growth arithmetic, a generic copy), where a piece here is a bounds check
/// and a copy. Not copyable, so the buffer has exactly one owner, which frees it.
struct HTMLOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    static func += (output: inout HTMLOutput, text: String) {
        text.withUTF8Bytes { output.append($0) }
    }

    static func += (output: inout HTMLOutput, text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { output.append($0) }
        }
    }

    private mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, piece.count > 0 else { return }
        if capacity - count < piece.count { grow(toHold: count + piece.count) }
        (base + count).update(from: source, count: piece.count)
        count += piece.count
    }

    private mutating func grow(toHold needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// The number of bytes written so far.
    var byteCount: Int { count }

    /// The text written so far.
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
