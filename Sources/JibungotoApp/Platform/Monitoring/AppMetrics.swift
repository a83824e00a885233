import CoreMetrics
import Fluent
import Prometheus
import Vapor

/// The figures `/metrics` reports besides Vapor's request counters: stored submissions, refused
/// sign-ins and the database as the scrape found it. Each application has its own registry, so the
/// many applications of a test run do not add up. No figure carries a label that could name a
/// person, an account or a section: a counter beside a survey must not tell whose answer arrived.
///
/// The database pool's use is not among them: AsyncKit's `EventLoopConnectionPool` keeps its
/// connection counts private (only an internal test hook reads them), so the app cannot report
/// connections in use without guessing. `jibungoto_database_ping_seconds` waits for a pooled
/// connection like any request does, so an exhausted pool shows there as a rising round trip.
final class AppMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// Survey answers stored, counted once their transaction has committed.
    let surveySubmissions: Prometheus.Counter
    /// Self-reports submitted (not drafts), counted once their transaction has committed.
    let selfReportSubmissions: Prometheus.Counter
    /// Sign-ins refused for a wrong staff number or password.
    let invalidCredentials: Prometheus.Counter
    /// Sign-ins refused because the account or address must wait (`LoginThrottle`).
    let throttledLogins: Prometheus.Counter
    let databaseUp: Prometheus.Gauge
    let databasePingSeconds: Prometheus.Gauge

    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        surveySubmissions = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "jibungoto", subsystem: "survey", metricName: "submissions", unitName: "total",
            helpText: "Survey answers stored, counted after their transaction committed."
        ))
        selfReportSubmissions = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "jibungoto", subsystem: "self_report", metricName: "submissions", unitName: "total",
            helpText: "Self-reports submitted (drafts not counted), counted after their transaction committed."
        ))
        let loginFailures = MetricNameDescriptor(
            namespace: "jibungoto", subsystem: "login", metricName: "failures", unitName: "total",
            helpText: "Refused sign-ins by reason: invalid_credentials or throttled."
        )
        invalidCredentials = registry.makeCounter(descriptor: loginFailures, labels: [("reason", "invalid_credentials")])
        throttledLogins = registry.makeCounter(descriptor: loginFailures, labels: [("reason", "throttled")])
        databaseUp = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "jibungoto", subsystem: "database", metricName: "up", unitName: "",
            helpText: "1 when the database answered the check made at this scrape, 0 when it did not."
        ))
        databasePingSeconds = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "jibungoto", subsystem: "database", metricName: "ping", unitName: "seconds",
            helpText: "Seconds the check made at this scrape took, waiting for a pooled connection included; when the database is down, how long the check waited before it failed."
        ))
    }

    /// Checks the database now with the health check's round trip and records whether and how fast
    /// it answered, so a scrape reports the database as it is, not as it was.
    func measureDatabase(_ database: any Database, logger: Logger) async {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            try await DatabaseSetup.ping(database)
            databaseUp.set(to: 1)
        } catch {
            logger.warning("metrics: database check failed", metadata: ["error": .string(String(reflecting: error))])
            databaseUp.set(to: 0)
        }
        databasePingSeconds.set(to: (clock.now - started) / .seconds(1))
    }

    /// Buckets of the request latency histograms, from a quick page to a slow import.
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// Where swift-metrics reports for the whole process: Vapor's `http_requests_total`,
    /// `http_request_errors_total` and `http_request_duration_seconds`, by method, route pattern
    /// (`/surveys/:surveyID/answer`, never an id; `vapor_route_undefined` for unknown paths) and
    /// status. `MetricsSystem.bootstrap` may run once per process, so it runs on first use of this.
    static let requestRegistry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = AppMetrics.latencyBuckets
        MetricsSystem.bootstrap(factory)
        return registry
    }()
}

extension Application {
    private struct AppMetricsKey: StorageKey { typealias Value = AppMetrics }
    private struct RequestMetricsKey: StorageKey { typealias Value = PrometheusCollectorRegistry }

    /// This application's own figures, made by `configure`.
    var appMetrics: AppMetrics {
        get {
            guard let metrics = storage[AppMetricsKey.self] else {
                preconditionFailure("configure(_:settings:) makes the application's metrics")
            }
            return metrics
        }
        set { storage[AppMetricsKey.self] = newValue }
    }

    /// Vapor's request figures, once `reportRequestMetrics()` has turned them on.
    var requestMetrics: PrometheusCollectorRegistry? {
        get { storage[RequestMetricsKey.self] }
        set { storage[RequestMetricsKey.self] = newValue }
    }

    /// Sends Vapor's request counters and latency histograms to Prometheus and lets `/metrics`
    /// show them: `serve` does it, and so do the tests of `/metrics` (many applications, one process).
    func reportRequestMetrics() {
        requestMetrics = AppMetrics.requestRegistry
    }
}
