using NetArchTest.Rules;

namespace Egov.ArchitectureTests;

/// <summary>
/// ADR 0018: a module's feature areas (<c>Features/&lt;Area&gt;</c>) depend on each other one way
/// only. A cycle (Applications → Cases → Applications) means a concept sits in the wrong area and
/// belongs to the area that owns it or to <c>Domain/</c>.
/// </summary>
public sealed class FeatureAreaCycleTests
{
    [Theory]
    [MemberData(nameof(EgovModule.Names), MemberType = typeof(EgovModule))]
    public void FeatureAreas_WhenTheirImportsAreFollowed_FormNoCycle(string name)
    {
        var module = EgovModule.Named(name);
        var features = $"{module.Namespace}.Features.";
        var areas = module.Implementation.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(features, StringComparison.Ordinal))
            .Select(ns => features + ns![features.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(areas.Count > 1, $"{module.Namespace} has fewer than two feature areas: nothing to check");

        var imports = areas.ToDictionary(
            area => area,
            area => areas.Where(other => other != area && Imports(module, area, other)).ToList(),
            StringComparer.Ordinal);

        var cycles = FindCycles(imports).Select(cycle => string.Join(" → ", cycle.Select(a => a[features.Length..])));

        ArchitectureAssert.NoneOf(cycles, $"the feature areas of {module.Namespace} import each other one way only");
    }

    private static bool Imports(EgovModule module, string area, string other) =>
        !Types.InAssembly(module.Implementation)
            .That().ResideInNamespaceStartingWith(area + ".").Or().ResideInNamespace(area)
            .ShouldNot().HaveDependencyOnAny(other + ".", other)
            .GetResult().IsSuccessful;

    // Every elementary cycle found by a depth-first walk from each area, reported once (rotated to start at its smallest area).
    private static IEnumerable<List<string>> FindCycles(Dictionary<string, List<string>> graph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys)
        {
            var path = new List<string> { start };
            foreach (var cycle in Walk(graph, start, path))
            {
                var smallest = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                var rotated = cycle.Skip(smallest).Concat(cycle.Take(smallest)).ToList();
                if (seen.Add(string.Join("|", rotated)))
                {
                    yield return [.. rotated, rotated[0]];
                }
            }
        }
    }

    private static IEnumerable<List<string>> Walk(Dictionary<string, List<string>> graph, string start, List<string> path)
    {
        foreach (var next in graph[path[^1]])
        {
            if (next == start)
            {
                yield return [.. path];
            }
            else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
            {
                path.Add(next);
                foreach (var cycle in Walk(graph, start, path))
                {
                    yield return cycle;
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
