import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts a new folder in place of an old one in one step.
///
/// On Linux this is `renameat2(RENAME_EXCHANGE)`: both names always exist, one holding the old
/// site and the other the new, so a build killed at any moment leaves a whole site at the
/// output path. Where the exchange is not available (another system, or a file system that
/// refuses it) docket falls back to two renames, old out of the way then new in, which leaves
/// a moment with no folder at the path.
enum FolderSwap {
    /// Replaces `target` (an existing folder) by `replacement` and returns where the old folder
    /// went: `replacement`'s path after an exchange, `aside` after the fallback.
    static func exchange(_ replacement: String, _ target: String, aside: String) throws(OutputWriteError) -> String {
        if let exchange = renameExchange {
            if exchange(AT_FDCWD, replacement, AT_FDCWD, target, renameExchangeFlag) == 0 { return replacement }
            let code = errno
            // EINVAL: the file system cannot exchange; ENOSYS: the kernel is too old.
            guard code == EINVAL || code == ENOSYS else {
                throw OutputWriteError(action: "swap the new site into", path: target, code: code)
            }
        }
        guard rename(target, aside) == 0 else {
            throw OutputWriteError(action: "move aside the old site", path: target, code: errno)
        }
        guard rename(replacement, target) == 0 else {
            let code = errno
            rename(aside, target)
            throw OutputWriteError(action: "move the new site to", path: target, code: code)
        }
        return aside
    }

    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        /// glibc has `renameat2` since 2.28 but Swift's Glibc module does not declare it, so it is
        /// looked up by name.
        private static let renameExchange: RenameAt2? = dlsym(nil, "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }
        private static let renameExchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE, linux/fs.h
    #else
        private static let renameExchange:
            ((Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32)? = nil
        private static let renameExchangeFlag: UInt32 = 0
    #endif
}
