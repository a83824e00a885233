// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parsers that read what users and other systems send: CSV import,
// Japanese dates, solver instances, form values, upload bodies. A package of its own so that its
// sanitizer flags never reach the main build, and so that building it compiles the domain and
// the multipart reader but not the app (Vapor). Build and run with `Fuzz/run.sh`.
let package = Package(
    name: "JibungotoFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "jibungoto", path: ".."),
        // The multipart reader behind the app's upload forms (the version the app resolves).
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "CSVImportFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
        .executableTarget(
            name: "JapaneseDateFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
        .executableTarget(
            name: "InstanceFuzzer",
            dependencies: ["FuzzSupport", .product(name: "RotationSolver", package: "jibungoto")]
        ),
        .executableTarget(
            name: "MultipartFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto"), .product(name: "MultipartKit", package: "multipart-kit")]
        ),
        .executableTarget(
            name: "FormFieldFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
    ]
)
