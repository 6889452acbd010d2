// swift-tools-version:5.4
// libFuzzer targets for FeedpubCore. A package of its own, so that the root
// package's `swift build` / `swift test` never builds them: see README.md
// beside this file, and run.sh to build and run one.
import PackageDescription

let package = Package(
    name: "feedpub-fuzz",
    platforms: [.macOS("13.0")],
    products: [
        .executable(name: "FuzzPageParser", targets: ["FuzzPageParser"]),
        .executable(name: "FuzzPipeline", targets: ["FuzzPipeline"]),
    ],
    dependencies: [
        .package(name: "feedpub", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzPageParser",
            dependencies: [.product(name: "FeedpubCore", package: "feedpub")]
        ),
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [.product(name: "FeedpubCore", package: "feedpub")]
        ),
    ]
)
