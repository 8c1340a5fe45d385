using System.Reflection;
using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>STYLE.md convention 1: a module uses the kernel and other modules' Contracts, nothing else.</summary>
public sealed class ModuleDependencyTests
{
    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Module_WhenScanned_DependsOnNoOtherModuleImplementationNorHost(string name)
    {
        var module = EgovModule.Named(name);
        string[] forbidden =
        [
            .. EgovModule.All.Where(m => m != module).SelectMany(m => m.ImplementationNames),
            EgovModule.Host,
        ];

        var result = Types.InAssembly(module.Implementation).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        ArchitectureAssert.Holds(result, $"{module.Namespace} must not use another module's implementation nor the host");
    }

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Modules_DependOnlyOnKernelAndOtherModulesContracts(string name)
    {
        var module = EgovModule.Named(name);

        var egovReferences = EgovReferences(module.Implementation)
            .Where(r => r != EgovModule.Kernel && !EgovModule.SharedEngines.Contains(r) && !r.EndsWith(".Contracts", StringComparison.Ordinal));

        ArchitectureAssert.NoneOf(egovReferences, $"{module.Namespace} may reference only {EgovModule.Kernel}, the shared engines and Contracts assemblies");
    }

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Contracts_WhenScanned_DependOnNoModuleImplementationNorHost(string name)
    {
        var module = EgovModule.Named(name);
        string[] forbidden = [.. EgovModule.All.SelectMany(m => m.ImplementationNames), EgovModule.Host];

        var result = Types.InAssembly(module.Contracts).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        ArchitectureAssert.Holds(result, $"{module.ContractsNamespace} must not use a module implementation nor the host");
    }

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Contracts_DependOnlyOnKernel(string name)
    {
        var module = EgovModule.Named(name);

        var egovReferences = EgovReferences(module.Contracts).Where(r => r != EgovModule.Kernel);

        ArchitectureAssert.NoneOf(egovReferences, $"{module.ContractsNamespace} may reference no Egov assembly but {EgovModule.Kernel}");
    }

    [Fact]
    public void SharedEngines_DependOnNoEgovAssembly()
    {
        var references = EgovModule.SharedEngines.SelectMany(engine => EgovReferences(Assembly.Load(engine)).Select(r => $"{engine} -> {r}"));

        ArchitectureAssert.NoneOf(references, "a shared engine knows no module, no host and not the kernel");
    }

    [Fact]
    public void Kernel_DependsOnNoModuleNorHost()
    {
        var result = Types.InAssembly(Assembly.Load(EgovModule.Kernel))
            .ShouldNot().HaveDependencyOnAny("Egov.Modules", EgovModule.Host)
            .GetResult();

        ArchitectureAssert.Holds(result, $"{EgovModule.Kernel} must not use any module nor the host");
    }

    // The compiler records an assembly reference only when a type from it is used, so this is the
    // set of Egov assemblies the code really depends on, not the project's declared references.
    private static IEnumerable<string> EgovReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Egov.", StringComparison.Ordinal));
}
