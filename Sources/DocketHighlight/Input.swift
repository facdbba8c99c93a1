/// The code a lexer reads: the UTF-8 bytes of the whole block and the range being lexed (a
/// console command or a Dockerfile `RUN` is lexed as bash inside its block). Reads outside the
/// range return 0, which no rule matches, so matchers need no bounds checks of their own.
struct Input {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int

    @inline(__always)
    subscript(_ index: Int) -> UInt8 {
        index >= start && index < end ? bytes[index] : 0
    }

    @inline(__always)
    func atLineStart(_ index: Int) -> Bool {
        index == start || bytes[index - 1] == 0x0A
    }

    /// True when only spaces and tabs stand between the start of the line and `index`.
    func afterIndent(_ index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= start {
            let byte = bytes[cursor]
            if byte == 0x0A { return true }
            if byte != 0x20 && byte != 0x09 { return false }
            cursor -= 1
        }
        return true
    }

    /// The index of the newline ending the line that holds `index`, or `end`.
    func lineEnd(from index: Int) -> Int {
        var cursor = index
        while cursor < end && bytes[cursor] != 0x0A { cursor += 1 }
        return cursor
    }

    /// The index where the line holding `index` starts.
    func lineStart(of index: Int) -> Int {
        var cursor = index
        while cursor > start && bytes[cursor - 1] != 0x0A { cursor -= 1 }
        return cursor
    }

    /// The last byte before `index` that is not a space or tab, on the same line; 0x0A when
    /// there is none (start of line or of the range).
    func previousOnLine(_ index: Int) -> UInt8 {
        var cursor = index - 1
        while cursor >= start {
            let byte = bytes[cursor]
            if byte != 0x20 && byte != 0x09 { return byte }
            cursor -= 1
        }
        return 0x0A
    }

    /// The last byte before `index` that is not whitespace (newlines included); 0 at the start.
    func previousSignificant(_ index: Int) -> UInt8 {
        var cursor = index - 1
        while cursor >= start {
            let byte = bytes[cursor]
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return byte }
            cursor -= 1
        }
        return 0
    }

    /// The first byte at or after `index` that is not a space or tab (0 at the end).
    func nextNonSpace(_ index: Int) -> UInt8 {
        var cursor = index
        while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        return self[cursor]
    }

    /// True when `literal` occurs at `index`.
    @inline(__always)
    func hasPrefix(_ literal: [UInt8], at index: Int) -> Bool {
        guard index + literal.count <= end else { return false }
        for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
        return true
    }

    /// The end of the run of bytes in `set` starting at `index`.
    @inline(__always)
    func skip(_ set: ByteSet, from index: Int) -> Int {
        var cursor = index
        while cursor < end && set.contains(bytes[cursor]) { cursor += 1 }
        return cursor
    }
}
