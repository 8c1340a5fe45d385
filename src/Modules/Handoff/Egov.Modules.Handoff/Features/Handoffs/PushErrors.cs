using System.Globalization;
using System.Net.Http;
using Egov.Modules.Handoff.Contracts;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>
/// The words of a failed push attempt as stored (<c>last_error</c>, English, for operators and the API),
/// and their kind for staff (<see cref="CaseHandoffErrors"/>). One place makes and reads them, so the
/// kind stays right when a text changes.
/// </summary>
internal static class PushErrors
{
    private const string HttpPrefix = "HTTP ";
    private const string TimeoutPrefix = "No answer within ";
    private const string ConnectionPrefix = "Connection failed: ";

    public const string NotConfigured = "The target is no longer configured as a push target.";

    public const string CaseGone = "Forms no longer has the application.";

    public static string Http(int status, string? reason) => $"{HttpPrefix}{status.ToString(CultureInfo.InvariantCulture)} {reason}".TrimEnd();

    public static string Timeout(TimeSpan timeout) => $"{TimeoutPrefix}{timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.";

    public static string Connection(HttpRequestError error) => $"{ConnectionPrefix}{error}.";

    /// <summary>The kind of a stored error; null for none.</summary>
    public static string? KindOf(string? error) => error switch
    {
        null => null,
        NotConfigured => CaseHandoffErrors.NotConfigured,
        CaseGone => CaseHandoffErrors.CaseGone,
        _ when error.StartsWith(TimeoutPrefix, StringComparison.Ordinal) => CaseHandoffErrors.Timeout,
        _ when error.StartsWith(ConnectionPrefix, StringComparison.Ordinal) => CaseHandoffErrors.Unreachable,
        _ when error.StartsWith(HttpPrefix, StringComparison.Ordinal) && error.Length >= HttpPrefix.Length + 3
            && int.TryParse(error.AsSpan(HttpPrefix.Length, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) =>
            status >= 500 || status is 408 or 429 ? CaseHandoffErrors.ReceiverError : CaseHandoffErrors.Refused,
        _ => CaseHandoffErrors.Other,
    };
}
