using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Egov.Host.Observability;

internal static class ObservabilityExtensions
{
    /// <summary>
    /// Traces and metrics with OpenTelemetry: ASP.NET Core, HttpClient, Npgsql, the runtime, and
    /// Egov's own sources and meters (<c>Egov.*</c>). They are exported over OTLP only when an
    /// endpoint is configured (<c>OpenTelemetry:Otlp:Endpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>);
    /// logs then go there too. Console logs are plain text, or JSON with
    /// <c>Logging:Console:FormatterName=json</c>; scopes (the correlation id) are included.
    /// </summary>
    public static WebApplicationBuilder AddEgovObservability(this WebApplicationBuilder builder)
    {
        // One TimestampFormat serves both console formatters; its trailing space separates the
        // timestamp from the level in plain text but does not belong in a JSON value.
        builder.Services.PostConfigure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(
            o => o.TimestampFormat = o.TimestampFormat?.TrimEnd());
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            Microsoft.Extensions.Logging.ActivityTrackingOptions.TraceId | Microsoft.Extensions.Logging.ActivityTrackingOptions.SpanId);

        var otlpEndpoint = new[] { builder.Configuration["OpenTelemetry:Otlp:Endpoint"], builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OpenTelemetry:ServiceName"] ?? "egov",
                serviceVersion: typeof(ObservabilityExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource("Egov.*")
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RedactSecretsInPath))
            .WithMetrics(metrics => metrics
                .AddMeter("Egov.*")
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlpEndpoint));
        }

        return builder;
    }

    /// <summary>
    /// The Telegram Bot API carries the bot token in the path (<c>/bot{token}/sendMessage</c>); a
    /// trace must not (the collector's readers are not the channel's administrators).
    /// </summary>
    private static void RedactSecretsInPath(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith("/bot", StringComparison.Ordinal))
        {
            var rest = uri.AbsolutePath.IndexOf('/', 1);
            var redacted = $"{uri.GetLeftPart(UriPartial.Authority)}/bot[REDACTED]{(rest > 0 ? uri.AbsolutePath[rest..] : "")}";
            activity.SetTag("url.full", redacted);
            activity.DisplayName = $"{request.Method} /bot[REDACTED]{(rest > 0 ? uri.AbsolutePath[rest..] : "")}";
        }
    }
}
