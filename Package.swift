// swift-tools-version: 6.1
import PackageDescription

/// In-tree annotator plugins: each folder `Plugins/NAME` holds the module `SpindleNAME` (`Sources/`) and its
/// test target `SpindleNAMETests` (`Tests/`). `spindle new annotator NAME` adds the folder and its name here;
/// a test fails when this list and the folders disagree. (The list is literal, not read from the disk,
/// because SwiftPM caches manifests by their text and would miss a new folder.) The `Spindle` module
/// depends on every plugin and a build tool generates the code that registers them: nothing else to edit.
let pluginFolders = ["Dates", "Entities", "Keywords", "Quotes"]
let pluginTargets: [Target] = pluginFolders.flatMap { folder -> [Target] in
    [
        .target(name: "Spindle\(folder)", dependencies: ["SpindleCore"], path: "Plugins/\(folder)/Sources"),
        .testTarget(name: "Spindle\(folder)Tests", dependencies: [.target(name: "Spindle\(folder)"), "SpindleTestKit", "Spindle"],
                    path: "Plugins/\(folder)/Tests"),
    ]
}
let pluginDependencies: [Target.Dependency] = pluginFolders.map { .target(name: "Spindle\($0)") }

let package = Package(
    name: "Spindle",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SpindleCore", targets: ["SpindleCore"]),
        .library(name: "SpindleText", targets: ["SpindleText"]),
        .library(name: "SpindleConfig", targets: ["SpindleConfig"]),
        .library(name: "SpindleIO", targets: ["SpindleIO"]),
        .library(name: "Spindle", targets: ["Spindle"]),
        .library(name: "SpindleTestKit", targets: ["SpindleTestKit"]),
        .library(name: "SpindleEval", targets: ["SpindleEval"]),
        .library(name: "SpindleBatch", targets: ["SpindleBatch"]),
        .library(name: "SpindlePluginKit", targets: ["SpindlePluginKit"]),
        .executable(name: "spindle", targets: ["spindle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The core: document model, layers, annotator protocol, registry, pipeline. No I/O, ICU or YAML.
        .target(name: "SpindleCore"),

        // ICU through pkg-config, and a C shim with unversioned names (ICU suffixes its C symbols per version).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        .target(
            name: "ICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .target(name: "SpindleText", dependencies: ["SpindleCore", "ICUShim"]),
        .target(name: "SpindleConfig", dependencies: ["SpindleCore", .product(name: "Yams", package: "Yams")]),
        // zlib reads .jsonl.gz inputs.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "SpindleIO", dependencies: ["SpindleCore", "CZlib"]),
        // The C interface of annotator plugins loaded from shared libraries, and the kit that exports one.
        .target(name: "SpindlePluginABI"),
        .target(name: "SpindlePluginKit", dependencies: ["SpindleCore", "SpindleIO", "SpindlePluginABI"]),
        // Annotators that run outside the host's code: subprocesses speaking JSON lines, shared libraries.
        .target(name: "SpindleExternal", dependencies: ["SpindleCore", "SpindleIO", "SpindlePluginABI"]),
        // Parallel, ordered, resumable batch annotation with error isolation.
        .target(name: "SpindleBatch", dependencies: ["SpindleCore", "SpindleIO"]),
        // Everything a host program needs: the core plus the built-in annotators, pipeline files and I/O.
        .target(name: "Spindle", dependencies: ["SpindleCore", "SpindleText", "SpindleConfig", "SpindleIO", "SpindleExternal"] + pluginDependencies,
                plugins: ["RegisterPlugins"]),
        .executableTarget(name: "GeneratePluginList", path: "BuildTools/GeneratePluginList"),
        .plugin(name: "RegisterPlugins", capability: .buildTool(), dependencies: ["GeneratePluginList"],
                path: "BuildTools/RegisterPlugins"),
        // Scoring against gold data: sentence lists, span precision/recall/F1.
        .target(name: "SpindleEval", dependencies: ["SpindleCore"]),
        // The conformance suite every annotator's tests call with one line.
        .target(name: "SpindleTestKit", dependencies: ["SpindleCore"]),
        .executableTarget(
            name: "spindle",
            dependencies: ["Spindle", "SpindleEval", "SpindleBatch", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "SpindleCoreTests", dependencies: ["SpindleCore", "SpindleTestKit"]),
        .testTarget(name: "SpindleTextTests", dependencies: ["SpindleText", "SpindleTestKit"]),
        .testTarget(name: "SpindleConfigTests", dependencies: ["SpindleConfig", "Spindle"]),
        .testTarget(name: "SpindleIOTests", dependencies: ["SpindleIO", "SpindleTestKit"]),
        .testTarget(name: "SpindleBatchTests", dependencies: ["SpindleBatch", "Spindle"]),
        .testTarget(name: "SpindleEvalTests", dependencies: ["SpindleEval"]),
        .testTarget(name: "SpindleCLITests", dependencies: ["spindle"]),
    ] + pluginTargets,
    swiftLanguageModes: [.v6]
)
