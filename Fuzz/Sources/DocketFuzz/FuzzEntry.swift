import DocketMarkdown
import DocketSite
import DocketYAML

/// libFuzzer's entry point: every input is read as each kind of file docket parses from a user,
/// so one corpus feeds them all. A crash, a timeout or an out-of-memory is a finding; located
/// errors are the expected outcome of most inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzTargets.page(text)
    FuzzTargets.category(text)
    FuzzTargets.config(text)
    FuzzTargets.fixture(text)
    return 0
}
