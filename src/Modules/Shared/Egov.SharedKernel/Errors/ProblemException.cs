namespace Egov.SharedKernel.Errors;

/// <summary>
/// Base of the errors a use case raises on purpose. The host's exception handler turns each into an
/// RFC 9457 problem details response with <see cref="StatusCode"/>, <see cref="Title"/> and the
/// exception message as <c>detail</c>; no try/catch is needed in endpoints.
/// </summary>
public abstract class ProblemException : Exception
{
    /// <summary>Creates the exception; <paramref name="detail"/> is shown to the client.</summary>
    protected ProblemException(string detail, Exception? innerException = null)
        : base(detail, innerException)
    {
    }

    /// <summary>HTTP status code of the problem (RFC 9110).</summary>
    public abstract int StatusCode { get; }

    /// <summary>Short, human-readable summary of the problem type (RFC 9457 <c>title</c>).</summary>
    public abstract string Title { get; }

    /// <summary>Extra members for the problem body (RFC 9457 extension members), e.g. <c>allowed</c>.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>400: the request is malformed or breaks a validation rule; <see cref="Errors"/> names each field.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ProblemException("One or more fields are invalid.")
{
    /// <summary>Creates the exception for one field.</summary>
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    /// <summary>Field name (JSON spelling, camelCase, with indexes like <c>items[0].title</c>) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <inheritdoc />
    public override int StatusCode => 400;

    /// <inheritdoc />
    public override string Title => "Validation failed";
}

/// <summary>404: the resource does not exist or the caller may not know that it exists.</summary>
public sealed class NotFoundException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 404;

    /// <inheritdoc />
    public override string Title => "Not Found";
}

/// <summary>403: the caller is known but may not do this; the detail says why.</summary>
public sealed class ForbiddenException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 403;

    /// <inheritdoc />
    public override string Title => "Forbidden";
}

/// <summary>409: the request conflicts with the current state (e.g. a transition that is not allowed now).</summary>
public sealed class ConflictException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 409;

    /// <inheritdoc />
    public override string Title => "Conflict";
}

/// <summary>412: the <c>If-Match</c> precondition does not hold; the resource changed since it was read (RFC 9110 §13.1.1).</summary>
public sealed class PreconditionFailedException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 412;

    /// <inheritdoc />
    public override string Title => "Precondition Failed";
}

/// <summary>422: the request is well-formed but a rule of the domain refuses it; the detail names the rule.</summary>
public sealed class DomainRuleException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 422;

    /// <inheritdoc />
    public override string Title => "Rule violated";
}

/// <summary>428: the request must be conditional, e.g. carry <c>If-Match</c> with the ETag last read (RFC 6585 §3).</summary>
public sealed class PreconditionRequiredException(string detail) : ProblemException(detail)
{
    /// <inheritdoc />
    public override int StatusCode => 428;

    /// <inheritdoc />
    public override string Title => "Precondition Required";
}
