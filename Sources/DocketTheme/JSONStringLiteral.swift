/// JSON string literals for the files docket writes by hand (the search index, `sidebar.json`),
/// on UTF-8 bytes. Written by hand because Foundation's `JSONEncoder` (which writes the same
/// values) boxed every value, and the search index's text is tens of megabytes on a large site.
enum JSONStringLiteral {
    static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal. `/` stays unescaped (URLs read as written); U+2028/2029 are escaped
    /// for older JavaScript parsers. Works on the UTF-8 bytes (the section texts of a large site
    /// are tens of megabytes): one pass measures the literal, a second writes it into a string of
    /// exactly that size.
    static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let size = length(bytes)
            return String(unsafeUninitializedCapacity: size) { out in
                write(bytes, length: size, into: out, at: 0)
            }
        }
    }

    /// The length of `bytes` as a JSON string literal, quotes included (`write` writes it).
    static func length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 2
        var index = 0
        while index < bytes.count {
            let plain = plainRun(bytes, from: index)
            length += plain
            index += plain
            guard index < bytes.count else { break }
            switch bytes[index] {
            case 0x22, 0x5C, 0x0A, 0x0D, 0x09: length += 2
            case 0xE2 where isLineSeparator(bytes, at: index):
                length += 6
                index += 2
            case ..<0x20: length += 6
            default: length += 1
            }
            index += 1
        }
        return length
    }

    /// Writes `bytes` as a JSON string literal into `out` from `start`, where `length` is their
    /// `length(_:)` (room for it); returns the position after it.
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, length: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var position = start
        func put(_ byte: UInt8) {
            out[position] = byte
            position += 1
        }
        put(0x22)
        if length == bytes.count + 2 {
            // Nothing to escape (most text), as measured: the bytes copied at once, not scanned again.
            _ = UnsafeMutableBufferPointer(rebasing: out[position...]).initialize(from: bytes)
            position += bytes.count
            put(0x22)
            return position
        }
        var index = 0
        while index < bytes.count {
            let plain = plainRun(bytes, from: index)
            if plain > 0 {
                // Plain text (most of it) copied a run at a time.
                let run = UnsafeBufferPointer(rebasing: bytes[index..<(index + plain)])
                _ = UnsafeMutableBufferPointer(rebasing: out[position...]).initialize(from: run)
                position += plain
                index += plain
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            switch byte {
            case 0x22, 0x5C:
                put(0x5C)
                put(byte)
            case 0x0A:
                put(0x5C)
                put(0x6E)
            case 0x0D:
                put(0x5C)
                put(0x72)
            case 0x09:
                put(0x5C)
                put(0x74)
            case 0xE2 where isLineSeparator(bytes, at: index):
                // U+2028 / U+2029 (E2 80 A8 / A9): \u2028 / \u2029.
                for digit in "\\u202".utf8 { put(digit) }
                put(bytes[index + 2] == 0xA8 ? 0x38 : 0x39)
                index += 2
            case ..<0x20:
                for digit in "\\u00".utf8 { put(digit) }
                put(hexDigits[Int(byte >> 4)])
                put(hexDigits[Int(byte & 15)])
            default:
                put(byte)
            }
            index += 1
        }
        put(0x22)
        return position
    }

    /// How many bytes from `start` on need no care in a JSON string (none below 0x20, no `"`, `\`
    /// or 0xE2, the first byte of U+2028/2029): eight at a time, with the bit tricks for "a byte
    /// below n" and "a byte equal to c" in a 64-bit word, then byte by byte near the end.
    static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let below20 = (word &- ones &* 0x20) & ~word & highs != 0
            if below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
                || hasZero(word ^ (ones &* 0xE2))
            {
                break
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { break }
            index += 1
        }
        return index - start
    }

    /// True when the bytes at `index` are U+2028 or U+2029 (E2 80 A8 / E2 80 A9).
    private static func isLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
    }
}
