// swift-tools-version: 6.1
// An annotator plugin built outside Spindle's package and loaded at run time:
//   swift build -c release
//   spindle annotate --plugin .build/release/libHandleTagger.so --pipeline handles.yaml story.txt
import PackageDescription

let package = Package(
    name: "HandleTagger",
    products: [
        .library(name: "HandleTagger", type: .dynamic, targets: ["HandleTagger"]),
    ],
    dependencies: [
        // A released plugin would name Spindle's repository and a version here.
        .package(name: "Spindle", path: "../.."),
    ],
    targets: [
        .target(name: "HandleTagger", dependencies: [.product(name: "SpindlePluginKit", package: "Spindle")]),
    ],
    swiftLanguageModes: [.v6]
)
