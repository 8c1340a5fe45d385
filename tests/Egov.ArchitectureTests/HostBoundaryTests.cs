using System.Reflection;
using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>
/// The host composes modules through their public entry points only (issue 21): it may use
/// <c>&lt;M&gt;Module</c> and the module's Contracts, never a type inside the module — although
/// <c>InternalsVisibleTo("Egov.Host")</c> (needed by the source-generated mediator) would let it.
/// What the portal's own pages show of a module comes through that module's Contracts queries.
/// </summary>
public sealed class HostBoundaryTests
{
    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Host_WhenScanned_UsesOnlyTheModulesEntryClassAndContracts(string name)
    {
        ArchitectureAssert.NoneOf(Offenders(name), $"{EgovModule.Host} may use only {name}Module and the Contracts of {name}");
    }

    private static IEnumerable<string> Offenders(string name)
    {
        var module = EgovModule.Named(name);
        var entryClass = $"{module.Namespace}.{module.EntryClass}";
        string[] inside = [.. module.ImplementationNames.Where(n => n != entryClass)];

        // The mediator's generated code lives in the host and must name every handler and message:
        // that is registration, not use, and is left out (namespace Mediator, and the generated
        // AddMediator extension).
        var result = Types.InAssembly(Assembly.Load(EgovModule.Host))
            .That().DoNotResideInNamespace("Mediator")
            .And().DoNotHaveNameStartingWith("MediatorDependencyInjectionExtensions")
            .ShouldNot().HaveDependencyOnAny(inside)
            .GetResult();
        return result.FailingTypeNames ?? [];
    }
}
