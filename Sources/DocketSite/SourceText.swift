import DocketDiagnostics
import Foundation

/// The text of a site file from its bytes: UTF-8 with Unix line endings; invalid bytes are an
/// error at their line and column. Every `SiteSource` decodes through here, so a page reads the
/// same from disk as from memory.
public enum SourceText {
    public static func decode(_ data: Data, display: String) -> Result<String, Diagnostic> {
        if let text = String(validating: data, as: UTF8.self) {
            return .success(text.withUnixLineEndings)
        }
        // Find the first invalid sequence to point at it.
        var line = 1
        var column = 1
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && i + length <= bytes.count
                && String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
            if !valid { break }
            if b == 0x0A { line += 1; column = 1 } else { column += length }
            i += length
        }
        return .failure(
            .error(
                at: SourceLocation(path: display, line: line, column: column),
                "the file is not valid UTF-8 (byte 0x\(String(bytes[min(i, bytes.count - 1)], radix: 16)) at offset \(i))"
            ))
    }

    /// The error for a file that exists but cannot be read.
    static func unreadable(_ display: String) -> Diagnostic {
        .error(at: SourceLocation(path: display, line: 1, column: 1), "cannot read the file")
    }
}
