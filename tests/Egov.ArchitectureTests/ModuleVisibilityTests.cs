using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>STYLE.md convention 2: module implementations are <c>internal sealed</c> by default.</summary>
public sealed class ModuleVisibilityTests
{
    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Module_WhenScanned_HasOnlyItsEntryClassPublic(string name)
    {
        var module = EgovModule.Named(name);

        var result = Types.InAssembly(module.Implementation)
            .That().DoNotHaveName(module.EntryClass)
            .ShouldNot().BePublic()
            .GetResult();

        ArchitectureAssert.Holds(result, $"only {module.EntryClass} may be public in {module.Namespace}");
    }

    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void Module_HandlersValidatorsAndDbContexts_AreSealed(string name)
    {
        var module = EgovModule.Named(name);
        var selection = Types.InAssembly(module.Implementation)
            .That().HaveNameEndingWith("Handler", StringComparison.Ordinal)
            .Or().HaveNameEndingWith("Validator", StringComparison.Ordinal)
            .Or().HaveNameEndingWith("DbContext", StringComparison.Ordinal);

        // Every module has a DbContext: an empty selection would mean the filter, not the code, is wrong.
        Assert.NotEmpty(selection.GetTypes());
        ArchitectureAssert.Holds(selection.Should().BeSealed().GetResult(), $"handlers, validators and DbContexts in {module.Namespace} must be sealed");
    }
}
