using BenchmarkDotNet.Attributes;
using Egov.SharedKernel.Behaviors;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Egov.Benchmarks;

/// <summary>
/// What a use case pays for going through the mediator: the handler alone, the mediator with no
/// behaviors, and the host's pipeline (Logging → Validation → handler). The services are built as
/// in the host (scoped mediator, validators from the assembly, logging with no provider) and one
/// scope stands for one HTTP request; creating that scope is not measured.
/// </summary>
[MemoryDiagnoser]
public class MediatorSendBenchmarks
{
    private readonly PingQuery _query = new("ping");
    private readonly PingHandler _handler = new();
    private ServiceProvider _pipelineServices = null!;
    private ServiceProvider _bareServices = null!;
    private IServiceScope _pipelineScope = null!;
    private IServiceScope _bareScope = null!;
    private ISender _pipeline = null!;
    private ISender _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipelineServices = BuildServices(withBehaviors: true);
        _pipelineScope = _pipelineServices.CreateScope();
        _pipeline = _pipelineScope.ServiceProvider.GetRequiredService<ISender>();

        _bareServices = BuildServices(withBehaviors: false);
        _bareScope = _bareServices.CreateScope();
        _bare = _bareScope.ServiceProvider.GetRequiredService<ISender>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipelineScope.Dispose();
        _pipelineServices.Dispose();
        _bareScope.Dispose();
        _bareServices.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<Pong> HandlerDirectly() => _handler.Handle(_query, CancellationToken.None);

    [Benchmark]
    public ValueTask<Pong> SendWithoutBehaviors() => _bare.Send(_query, CancellationToken.None);

    [Benchmark]
    public ValueTask<Pong> SendThroughLoggingAndValidation() => _pipeline.Send(_query, CancellationToken.None);

    private static ServiceProvider BuildServices(bool withBehaviors)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Only the messages in Ping.cs: the referenced Forms module's handlers need its DbContext,
            // and its integration event has no handler here (MSG0005).
            options.Assemblies = [typeof(PingQuery)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<PingValidator>(includeInternalTypes: true);

        // The generated AddMediator registers the behaviors per message; the mediator resolves them
        // from the container on each Send, so removing them leaves the bare mediator.
        if (!withBehaviors)
        {
            services.RemoveAll<IPipelineBehavior<PingQuery, Pong>>();
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
