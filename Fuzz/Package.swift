// swift-tools-version:5.4
// libFuzzer targets for FeedpubCore, in a package of their own so that the
// root package's `swift build` / `swift test` never builds them. Build and run
// them with run.sh beside this file (README.md says more).
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links every executable
// with `--defsym main=<Target>_main` (so that tests can import executables),
// and a fuzz target built with -parse-as-library has no such symbol: its main
// is libFuzzer's. With 5.4 the link leaves main to libFuzzer.
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
