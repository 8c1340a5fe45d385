using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>
/// ADR 0018 inside a module: a handler class handles one message, an engine imports nothing else of
/// its module, and the DbContext maps no entity itself (<c>IEntityTypeConfiguration</c> classes do).
/// </summary>
public sealed partial class SliceConventionTests
{
    /// <summary>Every module (ADR 0018 holds in all of them).</summary>
    public static TheoryData<string> Modules => EgovModule.Names;

    /// <summary>The modules that have engines (Mobile has none yet: its Web Push crypto sits in Features/Push).</summary>
    public static TheoryData<string> ModulesWithEngines => new("Forms", "Announcements", "Outreach");

    [Theory]
    [MemberData(nameof(Modules))]
    public void HandlerClasses_WhenScanned_HandleExactlyOneMessage(string name)
    {
        var module = EgovModule.Named(name);

        // ICommandHandler<TCommand> derives from ICommandHandler<TCommand, Unit>: count the messages
        // a class handles, not the interfaces it implements.
        var offenders =
            from type in module.Implementation.GetTypes()
            where type.IsClass && !type.IsAbstract
            let messages = type.GetInterfaces()
                .Where(IsMediatorHandler)
                .Select(i => i.GetGenericArguments()[0])
                .Distinct()
                .ToList()
            where messages.Count > 1
            select $"{type.FullName} ({string.Join(", ", messages.Select(m => m.Name))})";

        ArchitectureAssert.NoneOf(offenders, $"every handler class of {module.Namespace} handles exactly one message");
    }

    [Theory]
    [MemberData(nameof(ModulesWithEngines))]
    public void Engines_WhenScanned_DependOnNothingElseOfTheirModule(string name)
    {
        var module = EgovModule.Named(name);
        var engines = $"{module.Namespace}.Engines";
        string[] forbidden =
        [
            .. module.ImplementationNames.Where(n => !n.StartsWith(engines + ".", StringComparison.Ordinal)),
        ];

        var engineTypes = Types.InAssembly(module.Implementation).That().ResideInNamespaceStartingWith(engines + ".");
        Assert.True(
            engineTypes.GetTypes().Any(),
            $"{module.Namespace} has no type under {engines}.*: the rule below would hold for nothing");

        var result = engineTypes.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        ArchitectureAssert.Holds(result, $"types under {engines}.* must not use any other namespace of {module.Namespace}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void DbContext_WhenRead_HoldsNoEntityMapping(string name)
    {
        var module = EgovModule.Named(name);
        var persistence = Path.Combine(ProjectReferenceTests.RepositoryRoot, "src", "Modules", module.Name, module.Namespace, "Persistence");
        var contexts = Directory.EnumerateFiles(persistence, $"{module.Name}DbContext*.cs", SearchOption.TopDirectoryOnly)
            .Where(file => !file.EndsWith("Factory.cs", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(contexts);

        var offenders =
            from file in contexts
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where EntityMapping().IsMatch(line.text)
            select $"{Path.GetFileName(file)}:{line.number}";

        ArchitectureAssert.NoneOf(offenders, $"{module.Name}DbContext maps no entity inline (Persistence/Configurations/<Entity>Configuration.cs does)");
    }

    private static bool IsMediatorHandler(Type contract) =>
        contract.IsGenericType
        && contract.Namespace == "Mediator"
        && contract.Name.Contains("Handler`", StringComparison.Ordinal);

    [GeneratedRegex(@"\.Entity\s*<")]
    private static partial Regex EntityMapping();
}
