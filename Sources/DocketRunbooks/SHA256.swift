import Crypto
import Foundation

/// The content hash of a runbook step: SHA-256 (swift-crypto) as lowercase hex.
///
/// The name shadows swift-crypto's `SHA256` inside DocketRunbooks on purpose, so callers write
/// `SHA256.hex(text)` without importing Crypto.
enum SHA256 {
    static func hex(_ text: String) -> String {
        Crypto.SHA256.hash(data: Data(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
