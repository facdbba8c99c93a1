import Foundation

/// Search terms and a value for each (the encoded posting lists of a chunk or of the site),
/// keyed by each term's UTF-8 bytes. `SearchIndex.postings` looks up every word of a site's text (millions at 10,000 pages);
/// a `[String: [Int]]` made a `String` of each word and hashed it with SipHash, about half of
/// the search index's time. Here a word is hashed from the tokenizer's buffer and compared as
/// bytes, and a term's `String` is made once, when the site's table is written out: chunks are merged
/// into the site's table by their bytes and stored hashes.
///
/// Written by hand because no package in reach offers a byte-keyed table. Open addressing with
/// linear probing; the hash is seeded per process (as Swift's own), so text chosen to collide
/// cannot make a build slow on purpose.
struct TermTable<Value: Sendable>: Sendable {
    /// The terms' bytes, one after another; term `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// The value of term `i`.
    private var values: [Value] = []
    /// The terms by hash position: the upper half of the term's hash and its number plus one, in
    /// one word (0 is an empty slot), so that a probe compares hashes without reading `hashes`.
    /// The count is a power of two.
    private var slots: [UInt64]
    /// `termHashSeed`, kept here: a global is reached through `swift_once`, once a word.
    private let seed = termHashSeed

    init() {
        slots = [UInt64](repeating: 0, count: 1024)
    }

    /// The number of distinct terms.
    var count: Int { values.count }

    /// The number of `term` (whose hash is `hash`), added with the value `make()` when new.
    @inline(__always)
    private mutating func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64, make: () -> Value) -> Int {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let found = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(found, term) { return found }
            }
            slot = (slot + 1) & mask
        }
        let number = values.count
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        hashes.append(hash)
        values.append(make())
        slots[slot] = tag | UInt64(number + 1)
        if values.count * 2 > slots.count { grow() }
        return number
    }

    /// Hands every term, as text, and its value to `body`, in the order they were added.
    func forEveryTerm(_ body: (String, Value) -> Void) {
        forEveryEntry { term, _, value in body(String(decoding: term, as: UTF8.self), value) }
    }

    /// Hands every term's bytes, hash and value to `body`, in the order they were added.
    private func forEveryEntry(_ body: (UnsafeBufferPointer<UInt8>, UInt64, Value) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for number in values.indices {
                body(
                    UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]]), hashes[number],
                    values[number])
            }
        }
    }

    /// True when term `number` is `term`. Up to 16 bytes are compared as two overlapping loads
    /// from each (or the first, middle and last byte, up to 3): nearly every word of a site is
    /// that short, and is compared once to the term whose hash it has. With `PostingList`'s
    /// one- and two-digit postings, this took the index's tokenising and tables from 293.5M to
    /// 260.9M instructions at 1,000 project pages (callgrind), where each word called `memcmp`.
    @inline(__always)
    func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        let count = term.count
        guard starts[number + 1] - start == count else { return false }
        guard count > 0, let other = term.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { all in
            let mine = UnsafeRawPointer(all.baseAddress! + start)
            let theirs = UnsafeRawPointer(other)
            switch count {
            case 1...3:
                return mine.load(as: UInt8.self) == theirs.load(as: UInt8.self)
                    && mine.load(fromByteOffset: count / 2, as: UInt8.self)
                        == theirs.load(fromByteOffset: count / 2, as: UInt8.self)
                    && mine.load(fromByteOffset: count - 1, as: UInt8.self)
                        == theirs.load(fromByteOffset: count - 1, as: UInt8.self)
            case 4...8:
                return mine.loadUnaligned(as: UInt32.self) == theirs.loadUnaligned(as: UInt32.self)
                    && mine.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                        == theirs.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            case 9...16:
                return mine.loadUnaligned(as: UInt64.self) == theirs.loadUnaligned(as: UInt64.self)
                    && mine.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                        == theirs.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            default:
                return memcmp(mine, theirs, count) == 0
            }
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        }
        slots = larger
    }

    /// The bytes eight at a time, each word folded in with a multiply, from a random seed and
    /// the length, then SplitMix64's finaliser (whose low bits pick the slot). A byte at a time
    /// (FNV-1a) was a multiply per byte of every word of the site. The last bytes are read as one
    /// load that overlaps the previous word (a term of 8 bytes or more), or as two overlapping
    /// four-byte loads (4 to 7 bytes), or as the first, middle and last byte (1 to 3): most words
    /// are shorter than eight bytes, and a loop over their bytes was most of the hash. With the
    /// length in the seed, each of these reads tells apart every term of its lengths.
    func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = term.count
        var hash = seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        if let base = term.baseAddress, count > 0 {
            let raw = UnsafeRawPointer(base)
            let tail: UInt64
            if count >= 8 {
                var index = 0
                while index + 8 < count {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
                    hash ^= hash >> 32
                    index += 8
                }
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                tail =
                    UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) << 32
                    | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else {
                tail = UInt64(base[0]) << 16 | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1])
            }
            hash = (hash ^ tail) &* 0xbf58_476d_1ce4_e5b9
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}

/// The seed of `TermTable.hash`, per process so that no text can be written to collide on every
/// machine, and one for every table, so that tables can be merged by their stored hashes.
private let termHashSeed = UInt64.random(in: .min ... .max)

extension TermTable where Value == PostingList {
    /// Adds `field` to the posting of section `posting` (`id << 4`) of the term `term`: widens
    /// its last posting when that is the same section's, else appends one.
    @inline(__always)
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, posting: Int, field: Int) {
        let number = number(of: term, hash: hash(term)) { PostingList() }
        values[number].add(posting: posting, field: field)
    }

    /// Appends the postings of `other`'s terms to this table's, `other`'s sections numbered
    /// from `firstID` (they all come after this table's): each list's bytes copied, its first
    /// posting written again.
    mutating func append(_ other: TermTable<PostingList>, from firstID: Int) {
        other.forEveryEntry { term, hash, list in
            let number = number(of: term, hash: hash) { PostingList() }
            values[number].append(contentsOf: list, from: firstID)
        }
    }
}

extension Array where Element == Int {
    /// Adds `field` to the posting of section `posting` (`id << 4`): to the last posting when it
    /// is that section's, else as a new one.
    @inline(__always)
    mutating func withPosting(_ posting: Int, _ field: Int) {
        if let last = self.last, last >> 4 == posting >> 4 {
            self[count - 1] = last | field
        } else {
            append(posting | field)
        }
    }
}
