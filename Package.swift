// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jibungoto",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jibungoto", targets: ["jibungoto"]),
        .library(name: "RotationSolver", targets: ["RotationSolver"]),
        // For the fuzzers in Fuzz/, which must not build the app (Vapor).
        .library(name: "JibungotoDomain", targets: ["JibungotoDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        .target(name: "RotationSolver"),
        .target(
            name: "JibungotoDomain",
            dependencies: [
                "RotationSolver",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "JibungotoApp",
            dependencies: [
                "JibungotoDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "jibungoto",
            dependencies: [
                "JibungotoApp",
                "JibungotoDomain",
                "RotationSolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "PlannerBench",
            dependencies: ["JibungotoDomain", "RotationSolver"],
            path: "Benchmarks/planner",
            exclude: ["click_to_result.sh"]
        ),
        .executableTarget(
            name: "SolverBench",
            dependencies: ["RotationSolver"],
            path: "Benchmarks/rotation",
            exclude: ["run.sh", "lemon_runner.cpp", "ortools_runner.py", "RESULTS.md"]
        ),
        .executableTarget(
            name: "SurveyBench",
            dependencies: [
                "JibungotoApp",
                "JibungotoDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Fluent", package: "fluent"),
            ],
            path: "Benchmarks/surveys",
            exclude: ["run.sh"]
        ),
        .executableTarget(
            name: "OpportunityBench",
            dependencies: [
                "JibungotoApp",
                "JibungotoDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Fluent", package: "fluent"),
            ],
            path: "Benchmarks/opportunities",
            exclude: ["run.sh", "README.md"]
        ),
        .executableTarget(
            name: "StackFloor",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            path: "Benchmarks/stack-floor",
            exclude: ["run.sh", "floor.py", "Views", "README.md"]
        ),
        .testTarget(
            name: "RotationSolverTests",
            dependencies: [
                "RotationSolver",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .target(
            name: "JibungotoTestSupport",
            dependencies: ["JibungotoDomain"],
            path: "Tests/JibungotoTestSupport"
        ),
        .testTarget(name: "JibungotoDomainTests", dependencies: ["JibungotoDomain", "RotationSolver", "JibungotoTestSupport"]),
        .testTarget(
            name: "JibungotoAppTests",
            dependencies: [
                "JibungotoApp",
                "JibungotoTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
