// swift-tools-version:6.0
import PackageDescription

// Strict settings for every Swift target, in one place.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "witaj",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "witaj", targets: ["witaj"]),
        .library(name: "Witaj", targets: ["Witaj"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own dependencies, named for the preview server's shutdown, quiet logger and bound port.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // C at the edge: each C library is imported by exactly one Swift module.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CUnistring", providers: [.apt(["libunistring-dev"])]),
        .target(name: "CWitajICU",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "CWitajXML",
                cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
                linkerSettings: [.linkedLibrary("xml2")]),
        .target(name: "CWitajSystem"),
        .target(name: "WitajICU", dependencies: ["CWitajICU"], swiftSettings: swiftSettings),
        .target(name: "WitajXML", dependencies: ["CWitajXML"], swiftSettings: swiftSettings),
        .target(name: "WitajMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: swiftSettings),
        // Layers, each depending only on those above it here: core <- gettext <- sources <- site <- publish and
        // incremental <- the API (Witaj) <- the command line.
        .target(name: "WitajCore", dependencies: ["WitajICU", "WitajMarkdown"], swiftSettings: swiftSettings),
        .target(name: "WitajGettext", dependencies: ["WitajCore", "CUnistring"], swiftSettings: swiftSettings),
        .target(name: "WitajSources", dependencies: ["WitajCore", "WitajXML", "Yams"],
                resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(name: "WitajSite",
                dependencies: ["WitajCore", "WitajGettext", "WitajSources", "WitajXML",
                               .product(name: "Mustache", package: "swift-mustache"), "ZIPFoundation"],
                swiftSettings: swiftSettings),
        .target(name: "WitajPublish", dependencies: ["WitajCore", "CWitajSystem"], swiftSettings: swiftSettings),
        .target(name: "WitajIncremental", dependencies: ["WitajSite", "WitajPublish"], swiftSettings: swiftSettings),
        .target(name: "Witaj", dependencies: ["WitajSite", "WitajPublish", "WitajIncremental"], swiftSettings: swiftSettings),
        // The preview server, above the API: builds into memory, watches the sources, serves with Hummingbird.
        .target(name: "WitajServe",
                dependencies: ["WitajCore", "WitajSite", "WitajMarkdown",
                               .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "NIOCore", package: "swift-nio")],
                swiftSettings: swiftSettings),
        .executableTarget(name: "witaj",
                          dependencies: ["Witaj", "WitajServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: swiftSettings),
        .testTarget(name: "WitajICUTests", dependencies: ["WitajICU"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajXMLTests", dependencies: ["WitajXML"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajMarkdownTests", dependencies: ["WitajMarkdown"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajServeTests", dependencies: ["WitajServe", "Witaj", "WitajCore", "WitajGettext", "WitajSite"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajTests", dependencies: ["Witaj", "WitajICU", "WitajXML", "WitajMarkdown"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ],
    cxxLanguageStandard: .cxx17
)

// libFuzzer targets (Fuzz/), only when script/fuzz builds them with the sanitizers: without libFuzzer's main they
// would not link, and a normal build or test run never compiles them.
if Context.environment["WITAJ_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["WitajCore"], path: "Fuzz/Support",
                                   swiftSettings: swiftSettings))
    let fuzzers: [(String, [Target.Dependency])] = [
        ("FuzzPOReader", ["WitajCore", "WitajGettext", "WitajSources"]),
        ("FuzzFrontMatter", ["WitajCore", "WitajSources"]),
        ("FuzzXMLReader", ["WitajCore", "WitajSources"]),
        ("FuzzMarkdown", ["WitajCore", "WitajSources", "WitajMarkdown"]),
        ("FuzzMessageFormat", ["WitajCore", "WitajSite", "WitajICU"]),
    ]
    for (name, dependencies) in fuzzers {
        package.targets.append(.executableTarget(
            name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/\(name)",
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]))
    }
}
