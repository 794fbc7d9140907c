import Foundation

/// Wall and CPU time (every thread's, user and system) of each phase, printed on stderr when WITAJ_TIMINGS is set:
/// where a build spends its time, and how much of it both cores share.
package struct PhaseClock {
    private var phases: [(String, Double, Double, Int)] = []
    private let enabled = ProcessInfo.processInfo.environment["WITAJ_TIMINGS"] != nil

    package init() {}

    package mutating func time<T>(_ name: String, _ work: @autoclosure () -> T) -> T {
        guard enabled else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds, cpu = Self.cpuSeconds()
        let result = work()
        phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Self.cpuSeconds() - cpu,
                       Self.residentMegabytes()))
        return result
    }

    package func report() {
        guard enabled else { return }
        var stderr = StandardError()
        for (name, seconds, cpu, rss) in phases {
            print("witaj: \(name) \(String(format: "%.4f", seconds)) s, cpu \(String(format: "%.3f", cpu)) s, resident \(rss) MB after", to: &stderr)
        }
    }

    /// CPU time of the process so far: every thread, user and system.
    package static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Resident memory now, from /proc (Linux); 0 where there is none.
    package static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}

/// Standard error as a stream for `print(_:to:)`, without making every FileHandle one for users of the library.
package struct StandardError: TextOutputStream {
    package init() {}
    package mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
