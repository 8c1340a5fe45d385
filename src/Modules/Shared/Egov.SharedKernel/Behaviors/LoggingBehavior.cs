using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Egov.SharedKernel.Behaviors;

/// <summary>
/// First step of the mediator pipeline: logs each message with its name and duration and opens a
/// trace span, so every use case shows up in logs and traces without code in the handler.
/// </summary>
/// <typeparam name="TMessage">The request, command or query type.</typeparam>
/// <typeparam name="TResponse">Its response type.</typeparam>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    /// <summary>The activity source for mediator spans (name <c>Egov.Mediator</c>).</summary>
    public static readonly ActivitySource ActivitySource = new("Egov.Mediator");

    /// <inheritdoc />
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        using var activity = ActivitySource.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogFailed(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Handled {MessageName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string messageName, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{MessageName} failed after {ElapsedMs:0.0} ms with {ExceptionType}")]
    private partial void LogFailed(string messageName, double elapsedMs, string exceptionType);
}
