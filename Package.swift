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
        // Layers, each depending only on those above it here (the compiler holds it): core (model, diagnostics,
        // walking folders, escaping) <- gettext (PO) <- sources (loading) <- site (the phases, given a Scope) <-
        // publish (writing an output folder) and incremental (plan, records, state) <- the API (Witaj: build,
        // check, update, coverage) <- the command line.
        .target(name: "WitajCore", dependencies: ["WitajICU", "WitajMarkdown"], swiftSettings: swiftSettings),
        .target(name: "WitajGettext", dependencies: ["WitajCore", "CUnistring"], swiftSettings: swiftSettings),
        // Resources/ (the default theme, the schema) is compiled into the code by the EmbedResources plugin: the
        // binary needs no resource bundle beside it.
        .target(name: "WitajSources", dependencies: ["WitajCore", "WitajMarkdown", "WitajXML", "Yams"],
                exclude: ["Resources"], swiftSettings: swiftSettings, plugins: ["EmbedResources"]),
        .target(name: "WitajSite",
                dependencies: ["WitajCore", "WitajGettext", "WitajSources", "WitajICU", "WitajMarkdown", "WitajXML",
                               .product(name: "Mustache", package: "swift-mustache"), "ZIPFoundation"],
                swiftSettings: swiftSettings),
        .target(name: "WitajPublish", dependencies: ["WitajCore", "CWitajSystem"], swiftSettings: swiftSettings),
        .target(name: "WitajIncremental", dependencies: ["WitajCore", "WitajSources", "WitajSite"], swiftSettings: swiftSettings),
        .target(name: "Witaj",
                dependencies: ["WitajCore", "WitajGettext", "WitajICU", "WitajSources", "WitajSite", "WitajPublish", "WitajIncremental"],
                swiftSettings: swiftSettings),
        // The preview server, a layer over the site's phases beside the API: builds into memory, watches the
        // sources, serves with Hummingbird.
        .target(name: "WitajServe",
                dependencies: ["WitajCore", "WitajGettext", "WitajSources", "WitajSite", "WitajMarkdown",
                               .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "NIOCore", package: "swift-nio")],
                swiftSettings: swiftSettings),
        .executableTarget(name: "witaj",
                          dependencies: ["Witaj", "WitajCore", "WitajSite", "WitajServe",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: swiftSettings, plugins: ["EmbedVersion"]),
        // Build-time code generation: the tool that writes Swift source, and the plugins that run it.
        .executableTarget(name: "witaj-embed", swiftSettings: swiftSettings),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["witaj-embed"]),
        .plugin(name: "EmbedVersion", capability: .buildTool(), dependencies: ["witaj-embed"]),
        .testTarget(name: "WitajICUTests", dependencies: ["WitajICU"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajXMLTests", dependencies: ["WitajXML"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajMarkdownTests", dependencies: ["WitajMarkdown"], swiftSettings: swiftSettings),
        .testTarget(name: "WitajIncrementalTests", dependencies: ["WitajCore", "WitajSite", "WitajIncremental"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WitajServeTests",
                    dependencies: ["WitajServe", "Witaj", "WitajCore", "WitajGettext", "WitajSources", "WitajSite", "WitajMarkdown"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "WitajTests", dependencies: ["Witaj", "WitajICU", "WitajXML", "WitajMarkdown"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ],
    cxxLanguageStandard: .cxx17
)

// libFuzzer targets (Fuzz/), only when script/fuzz builds them with the sanitizers: without libFuzzer's main they
// would not link, and a normal build or test run never compiles them.
if Context.environment["WITAJ_FUZZ"] != nil {
    // SwiftPM builds the plugins' tool with the same flags, libFuzzer's main() included: the tool runs from its hook.
    if let embed = package.targets.first(where: { $0.name == "witaj-embed" }) {
        embed.swiftSettings = (embed.swiftSettings ?? []) + [.define("WITAJ_EMBED_UNDER_LIBFUZZER")]
    }
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
