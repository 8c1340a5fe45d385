using FluentValidation;
using Mediator;

namespace Egov.Benchmarks;

// Public only because BenchmarkDotNet's generated runner sees the benchmark methods' return type.
public sealed record PingQuery(string Text) : IQuery<Pong>;

public sealed record Pong(string Text);

internal sealed class PingValidator : AbstractValidator<PingQuery>
{
    public PingValidator() => RuleFor(q => q.Text).NotEmpty().MaximumLength(100);
}

internal sealed class PingHandler : IQueryHandler<PingQuery, Pong>
{
    public ValueTask<Pong> Handle(PingQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(new Pong(query.Text));
}
