import Foundation

/// Wall time of each phase, printed on stderr when WITAJ_TIMINGS is set: where a build spends its time.
struct PhaseClock {
    private var phases: [(String, Double)] = []
    private let enabled = ProcessInfo.processInfo.environment["WITAJ_TIMINGS"] != nil

    mutating func time<T>(_ name: String, _ work: @autoclosure () -> T) -> T {
        guard enabled else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    func report() {
        guard enabled else { return }
        var stderr = FileHandle.standardError
        for (name, seconds) in phases { print("witaj: \(name) \(String(format: "%.3f", seconds)) s", to: &stderr) }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
