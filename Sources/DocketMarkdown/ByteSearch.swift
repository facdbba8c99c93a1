import Foundation

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in this text. A byte search: Foundation's
    /// `contains(_:)` goes through UTF-16 (`CFStringFind`), and `contains` of a `Character`
    /// through grapheme breaking, on text that is mostly scanned for ASCII markers.
    public func holdsBytes(_ needle: String) -> Bool {
        var pattern = needle
        return pattern.withUTF8 { pattern -> Bool in
            guard let first = pattern.first else { return true }
            let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard bytes.count >= pattern.count else { return false }
                var index = 0
                let last = bytes.count - pattern.count
                while index <= last {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
            if let found { return found }
            // Text without contiguous UTF-8 (bridged from Foundation) is searched in a native copy.
            var copy = String(self)
            copy.makeContiguousUTF8()
            return copy.holdsBytes(needle)
        }
    }

    /// True when the byte `byte` (ASCII) occurs in this text.
    public func holdsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.firstOffset(of: byte) != nil } ?? utf8.contains(byte)
    }
}

extension String {
    /// True when the byte `byte` (ASCII) occurs in this text. The `StringProtocol` form, called
    /// on a `String` from another module, went through the protocol's witnesses (about 270
    /// instructions a call, twice for every link of a site); this one is a `memchr`.
    public func holdsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { $0.firstOffset(of: byte) != nil }
    }

    /// Calls `body` with the text's UTF-8 bytes: read where they are when the text holds them
    /// contiguously (a native string: nearly always), else from a native copy. `withUTF8` needs a
    /// `var`, and copying the text into one is a retain and a release for every call, which the
    /// per-piece callers (the renderer's output, escaping, search text) made for every page.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, or nil. C's `memchr`, which glibc
    /// compares many bytes at a time: the scans of every page's text before cmark look for a rare
    /// byte (a carriage return, the end of a line) and a byte loop was most of their time.
    public func firstOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// True when a byte is `&`, `<`, `>` or `"`, the bytes HTML text escapes: eight bytes at a time
    /// (a word holds one of them when `word | 0x02…` has a byte `>` or `word | 0x04…` a byte `&`).
    /// Every text node of every page is checked, and most hold none.
    func holdsHTMLSpecial() -> Bool {
        guard let base = baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // `<` and `>` differ in one bit, `"` and `&` in another: two tests cover the four.
            if hasZeroByte((word | (ones &* 0x02)) ^ (ones &* 0x3E))
                || hasZeroByte((word | (ones &* 0x04)) ^ (ones &* 0x26))
            {
                return true
            }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 { return true }
            index += 1
        }
        return false
    }
}
