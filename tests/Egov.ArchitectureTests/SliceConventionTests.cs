using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>
/// ADR 0018 inside a module: a handler class handles one message, an engine imports nothing else of
/// its module, and the DbContext maps no entity itself (<c>IEntityTypeConfiguration</c> classes do).
/// </summary>
public sealed partial class SliceConventionTests
{
    /// <summary>
    /// ADR 0018's "~150 lines", measured from the first to the last line the compiler maps to code of the class (its
    /// members' bodies, nested closures and async state machines included; comments above the class not).
    /// The largest today is Outreach's <c>RetireChannelHandler</c> with 148.
    /// </summary>
    private const int MaxHandlerLines = 150;

    /// <summary>Every module (ADR 0018 holds in all of them).</summary>
    public static TheoryData<string> Modules => EgovModule.Names;

    /// <summary>
    /// The modules that have engines: every module with a type under <c>Egov.Modules.&lt;M&gt;.Engines.*</c>, found in
    /// the assemblies rather than listed, so a module that gains an engine (Handoff's xdomea writer) is held to the rule
    /// without anyone remembering to add it here.
    /// </summary>
    public static TheoryData<string> ModulesWithEngines => new(EngineModuleNames());

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
    [MemberData(nameof(Modules))]
    public void HandlerClasses_WhenMeasured_SpanAtMostAbout150Lines(string name)
    {
        var module = EgovModule.Named(name);
        var handlers = module.Implementation.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.GetInterfaces().Any(IsMediatorHandler))
            .ToList();
        Assert.NotEmpty(handlers);
        var spans = SourceSpans.Of(module.Implementation);

        var offenders =
            from type in handlers
            let lines = spans.GetValueOrDefault(type)
            where lines > MaxHandlerLines
            select $"{type.FullName} ({lines} lines)";

        ArchitectureAssert.NoneOf(offenders, $"every handler class of {module.Namespace} spans at most ~{MaxHandlerLines} lines of code (ADR 0018: split it, or move its rules to Domain/)");
    }

    [Fact]
    public void ModulesWithEngines_AreFoundInTheAssemblies()
    {
        // Guards the scan itself: the engines of ADR 0018 must be seen, or the rule below checks nothing.
        Assert.Superset(
            new HashSet<string>(["Forms", "Announcements", "Outreach", "Mobile", "Handoff"], StringComparer.Ordinal),
            EngineModuleNames().ToHashSet(StringComparer.Ordinal));
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

    private static IEnumerable<string> EngineModuleNames() => EgovModule.All
        .Where(m => m.Implementation.GetTypes().Any(t => t.Namespace?.StartsWith($"{m.Namespace}.Engines.", StringComparison.Ordinal) == true))
        .Select(m => m.Name);

    private static bool IsMediatorHandler(Type contract) =>
        contract.IsGenericType
        && contract.Namespace == "Mediator"
        && contract.Name.Contains("Handler`", StringComparison.Ordinal);

    [GeneratedRegex(@"\.Entity\s*<")]
    private static partial Regex EntityMapping();
}
