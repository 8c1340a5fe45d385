using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>ADR 0018 in the Outreach module: engines are libraries, a handler class handles one message.</summary>
public sealed class OutreachSliceTests
{
    private static readonly EgovModule Outreach = EgovModule.Named("Outreach");

    private static string Engines => $"{Outreach.Namespace}.Engines";

    [Fact]
    public void Engines_ImportNothingElseOfTheModule()
    {
        var forbidden = Outreach.ImplementationNames
            .Where(name => !name.StartsWith(Engines, StringComparison.Ordinal))
            .Append(Outreach.ContractsNamespace)
            .ToArray();
        var engines = Types.InAssembly(Outreach.Implementation).That().ResideInNamespaceStartingWith(Engines);

        Assert.NotEmpty(engines.GetTypes());
        ArchitectureAssert.Holds(engines.ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), $"{Engines}.* may import nothing else of {Outreach.Namespace}");
    }

    [Fact]
    public void RequestHandlers_HandleOneMessageEach()
    {
        string[] requestHandlers = ["ICommandHandler`2", "IQueryHandler`2", "IRequestHandler`2", "ICommandHandler`1", "IRequestHandler`1"];

        // Devices and push leave for the Mobile module (issue 21), restructured there.
        var offenders = Outreach.Implementation.GetTypes()
            .Where(type => type.Namespace is { } ns && !ns.EndsWith(".Devices", StringComparison.Ordinal) && !ns.EndsWith(".Push", StringComparison.Ordinal))
            .Where(type => type.GetInterfaces().Count(i => i.IsGenericType && requestHandlers.Contains(i.GetGenericTypeDefinition().Name)) > 1)
            .Select(type => type.FullName!);

        ArchitectureAssert.NoneOf(offenders, "a handler class handles exactly one message (ADR 0018)");
    }
}
