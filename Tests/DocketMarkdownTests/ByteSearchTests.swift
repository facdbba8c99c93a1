import DocketTestSupport
import Foundation
import Testing

@testable import DocketMarkdown

/// `holdsBytes` and `holdsByte`, the byte searches that replaced Foundation's `contains` on hot
/// paths, against that `contains` as the oracle.
@Suite struct ByteSearchTests {
    @Test func findsWhatFoundationFinds() {
        let texts = [
            "", "a", "<!--docket-directive-open:1-->", "x<!--docket-directive-", "<!--docket-directiv",
            "ünïcödé <!--docket-directive-close:2--> 日本", "aaab", "abababc", String(repeating: "ab", count: 300) + "c",
        ]
        let needles = ["<!--docket-directive-", "ab", "abc", "c", "日本", "ü", "zz", "aab"]
        for text in texts {
            for needle in needles {
                #expect(text.holdsBytes(needle) == text.contains(needle), "\(needle) in \(text)")
                #expect(text.dropFirst().holdsBytes(needle) == text.dropFirst().contains(needle), "substring")
            }
            #expect(text.holdsBytes(""), "the empty needle is everywhere")
            #expect(text.holdsByte(UInt8(ascii: ":")) == text.contains(":"))
            #expect(text.dropFirst().holdsByte(UInt8(ascii: ":")) == text.dropFirst().contains(":"), "substring")
        }
    }

    @Test func firstOffsetFindsEveryByteFromEveryStart() {
        let text = Array("a\rb\n\r\nünï\n".utf8)
        text.withUnsafeBufferPointer { bytes in
            for byte in Set(text) + [UInt8(ascii: "z")] {
                for start in 0...bytes.count + 1 {
                    let expected = start < text.count ? text[start...].firstIndex(of: byte) : nil
                    #expect(bytes.firstOffset(of: byte, from: start) == expected, "\(byte) from \(start)")
                }
            }
        }
        #expect(UnsafeBufferPointer<UInt8>(start: nil, count: 0).firstOffset(of: 10) == nil)
    }

    @Test func theMDXPrecheckFindsWhatAByteLoopFinds() {
        // The reading it replaced, a byte at a time.
        func oracle(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            var lineStart = true
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "{") { return true }
                if byte == UInt8(ascii: "<"), index + 1 < bytes.count,
                    MDXTagParser.isNameStart(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "/")
                {
                    return true
                }
                if lineStart, index + 7 <= bytes.count,
                    bytes[index..<index + 7].elementsEqual("import ".utf8)
                        || bytes[index..<index + 7].elementsEqual("export ".utf8)
                {
                    return true
                }
                lineStart = byte == 10
            }
            return false
        }
        let pieces = [
            "x", "\n", "<", "< ", "<a", "</", "<1", "{", "import ", "export ", "imports", "exp", "ort ", " import ",
            "é", "<\n",
        ]
        let texts = Fixtures.texts(of: pieces, upTo: 3)
        for text in texts { #expect(MDXScanner.mayHoldMDX(text) == oracle(text), "\(text.debugDescription)") }
    }

    @Test func theDirectivePrecheckFindsThreeColonsAnywhere() {
        for text in Fixtures.texts(of: [":", "::", "a", "é", "\n", ":::"], upTo: 5) {
            let bytes = Array(text.utf8)
            let oracle = bytes.indices.contains { i in
                i + 2 < bytes.count && bytes[i] == 58 && bytes[i + 1] == 58 && bytes[i + 2] == 58
            }
            #expect(MarkdownDocument.mayHoldDirectives(text) == oracle, "\(text.debugDescription)")
        }
    }

    @Test func theHTMLByteCheckFindsEachSpecialByteAnywhere() {
        let special: Set<UInt8> = [0x26, 0x3C, 0x3E, 0x22]
        // Each special byte and its neighbours (one bit away, the high bit set, zero) at every
        // position of buffers up to 40 bytes, over a background of every other byte value.
        let probes: [UInt8] = [
            0x26, 0x3C, 0x3E, 0x22, 0x24, 0x2E, 0x3A, 0x3D, 0x3F, 0x23, 0x27, 0x20, 0xA6, 0xBC, 0xBE, 0, 0xFF,
        ]
        for length in 0...40 {
            for background in stride(from: 0, through: 255, by: 17) where !special.contains(UInt8(background)) {
                for position in 0..<max(length, 1) {
                    for probe in probes {
                        var bytes = [UInt8](repeating: UInt8(background), count: length)
                        if length > 0 { bytes[position] = probe }
                        let expected = bytes.contains { special.contains($0) }
                        bytes.withUnsafeBufferPointer { #expect($0.holdsHTMLSpecial() == expected, "\(bytes)") }
                    }
                }
            }
        }
        #expect("a < b".htmlEscaped == "a &lt; b" && "plain text, no markup".htmlEscaped == "plain text, no markup")
    }

    @Test func bridgedTextIsSearchedToo() {
        let bridged = NSString(string: "ünïcödé <!--docket-directive-open:1-->") as String
        #expect(bridged.holdsBytes("<!--docket-directive-"))
        #expect(!bridged.holdsBytes("<!--docket-mdx"))
        #expect(bridged.holdsByte(UInt8(ascii: ":")))
    }
}
