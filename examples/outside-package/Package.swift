// swift-tools-version: 6.1
// A program in its own package that uses Spindle as a library and runs the `news` pipeline from its own
// folder: pipelines and models are found through Spindle's resource folders, not the working directory.
//   swift run news-digest article.txt
import PackageDescription

let package = Package(
    name: "NewsDigest",
    dependencies: [
        // A released program would name Spindle's repository and a version here.
        .package(name: "Spindle", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "news-digest", dependencies: [.product(name: "Spindle", package: "Spindle")],
                          path: "Sources/NewsDigest"),
    ],
    swiftLanguageModes: [.v6]
)
