using System.Reflection;

namespace Egov.ArchitectureTests;

/// <summary>
/// One module under test: its implementation and Contracts assemblies and the names the rules use.
/// The list is explicit, like the host's module registry; <see cref="ProjectReferenceTests"/> fails
/// when a module folder under src/Modules is missing from it.
/// </summary>
internal sealed record EgovModule(string Name)
{
    public const string Kernel = "Egov.SharedKernel";

    /// <summary>
    /// Engines every module may use beside the kernel (ADR 0027): libraries under <c>src/Modules/Shared</c> that know no
    /// module, no host and not even the kernel — the PDF typesetter.
    /// </summary>
    public static readonly IReadOnlyList<string> SharedEngines = ["Egov.Typesetting"];
    public const string Host = "Egov.Host";

    public static IReadOnlyList<EgovModule> All { get; } = [new("Forms"), new("Announcements"), new("Outreach"), new("Mobile"), new("Handoff"), new("Payments")];

    /// <summary>Module names as theory data, so each module is its own test case.</summary>
    public static TheoryData<string> Names => new(All.Select(m => m.Name));

    public string Namespace => $"Egov.Modules.{Name}";

    public string ContractsNamespace => $"{Namespace}.Contracts";

    public string EntryClass => $"{Name}Module";

    // Assembly name = root namespace = project name, for every Egov project.
    public Assembly Implementation => Assembly.Load(Namespace);

    public Assembly Contracts => Assembly.Load(ContractsNamespace);

    /// <summary>
    /// The names that mean "this module's implementation" to NetArchTest. It matches a dependency by
    /// namespace prefix, so the root namespace would also match the allowed <c>.Contracts</c>: the
    /// implementation is named by its sub-namespaces plus the types in its root namespace.
    /// </summary>
    public string[] ImplementationNames =>
        [.. Implementation.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace.StartsWith(Namespace, StringComparison.Ordinal))
            .Select(t => t.Namespace == Namespace ? t.FullName! : t.Namespace!)
            .Distinct(StringComparer.Ordinal)];

    public static EgovModule Named(string name) => All.Single(m => m.Name == name);
}
