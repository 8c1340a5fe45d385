using TestResult = NetArchTest.Rules.TestResult;

namespace Egov.ArchitectureTests;

// Failure messages name the rule and every offender; Assert.Empty would truncate long paths.
internal static class ArchitectureAssert
{
    public static void Holds(TestResult result, string rule) => NoneOf(result.FailingTypeNames ?? [], rule);

    public static void NoneOf(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{rule}. Offending: {string.Join(", ", list)}");
    }
}
