/// When a page last changed and who changed it: from git, or from the `last_update` front matter.
public struct LastUpdate: Sendable, Equatable {
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64?
    public var author: String?

    public init(time: Int64? = nil, author: String? = nil) {
        self.time = time
        self.author = author
    }

    /// The front matter's fields win one by one over git's.
    public func overridden(by other: LastUpdate?) -> LastUpdate {
        LastUpdate(time: other?.time ?? time, author: other?.author ?? author)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Oct 14, 2018` in UTC, as Docusaurus shows it (computed here so output never depends on the locale).
    public static func displayDate(_ time: Int64) -> String {
        let (y, m, d) = civil(time)
        return "\(months[m - 1]) \(d), \(y)"
    }

    /// `2018-10-14T05:34:15Z`, for the `datetime` attribute.
    public static func isoDate(_ time: Int64) -> String {
        let (y, m, d) = civil(time)
        let seconds = ((time % 86_400) + 86_400) % 86_400
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(y)-\(two(Int64(m)))-\(two(Int64(d)))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and `Z`: seconds since the epoch, or nil.
    public static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        let ymd = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard ymd.count == 3, ymd[0].count == 4, ymd[1].count == 2, ymd[2].count == 2,
            let y = Int64(ymd[0]), let m = Int64(ymd[1]), let d = Int64(ymd[2]),
            (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d)
        else { return nil }
        var seconds: Int64 = 0
        if parts.count == 2 {
            var clock = parts[1]
            if clock.hasSuffix("Z") { clock.removeLast() }
            let hms = clock.split(separator: ":", omittingEmptySubsequences: false).map { Int64($0) }
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }),
                (0...23).contains(hms[0]!), (0...59).contains(hms[1]!), (0...59).contains(hms.count == 3 ? hms[2]! : 0)
            else { return nil }
            seconds = hms[0]! * 3600 + hms[1]! * 60 + (hms.count == 3 ? hms[2]! : 0)
        }
        return days(y, m, d) * 86_400 + seconds
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    private static func days(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The UTC calendar date of a time (the inverse of `days`).
    private static func civil(_ time: Int64) -> (Int64, Int, Int) {
        let z = (time >= 0 ? time / 86_400 : (time - 86_399) / 86_400) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), Int(m), Int(d))
    }
}
