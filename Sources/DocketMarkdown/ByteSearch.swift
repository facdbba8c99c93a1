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
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
