import Foundation

/// Wall time of each phase, printed on stderr when WITAJ_TIMINGS is set: where a build spends its time.
struct PhaseClock {
    private var phases: [(String, Double, Int)] = []
    private let enabled = ProcessInfo.processInfo.environment["WITAJ_TIMINGS"] != nil

    mutating func time<T>(_ name: String, _ work: @autoclosure () -> T) -> T {
        guard enabled else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Self.residentMegabytes()))
        return result
    }

    func report() {
        guard enabled else { return }
        var stderr = FileHandle.standardError
        for (name, seconds, rss) in phases {
            print("witaj: \(name) \(String(format: "%.3f", seconds)) s, resident \(rss) MB after", to: &stderr)
        }
    }

    /// Resident memory now, from /proc (Linux); 0 where there is none.
    static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
