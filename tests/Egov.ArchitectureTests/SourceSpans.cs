using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Egov.ArchitectureTests;

/// <summary>
/// How many source lines each class of an assembly spans, read from its portable PDB: per source file, from the first to
/// the last line a sequence point of the class's methods maps to (its nested types — lambdas' closures, async state
/// machines — count for the class they sit in). Generated files (<c>.g.cs</c>, <c>obj/</c>) are left out, and a partial
/// class spread over several files gets the sum of its parts.
/// </summary>
internal static class SourceSpans
{
    public static IReadOnlyDictionary<Type, int> Of(Assembly assembly)
    {
        var pdbPath = Path.ChangeExtension(assembly.Location, ".pdb");
        Assert.True(File.Exists(pdbPath), $"{pdbPath} not found: the measure needs the portable PDB next to the assembly");

        using var peStream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(peStream);
        var metadata = pe.GetMetadataReader();
        using var pdbStream = File.OpenRead(pdbPath);
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();

        var ranges = new Dictionary<(TypeDefinitionHandle Type, DocumentHandle Document), (int First, int Last)>();
        foreach (var handle in pdb.MethodDebugInformation)
        {
            var info = pdb.GetMethodDebugInformation(handle);
            if (info.SequencePointsBlob.IsNil)
            {
                continue;
            }

            var type = metadata.GetMethodDefinition(handle.ToDefinitionHandle()).GetDeclaringType();
            while (metadata.GetTypeDefinition(type).GetDeclaringType() is { IsNil: false } outer)
            {
                type = outer;
            }

            foreach (var point in info.GetSequencePoints())
            {
                if (point.IsHidden || IsGenerated(pdb, point.Document))
                {
                    continue;
                }

                var key = (type, point.Document);
                ranges[key] = ranges.TryGetValue(key, out var range)
                    ? (Math.Min(range.First, point.StartLine), Math.Max(range.Last, point.EndLine))
                    : (point.StartLine, point.EndLine);
            }
        }

        return ranges
            .GroupBy(entry => entry.Key.Type)
            .ToDictionary(
                group => assembly.ManifestModule.ResolveType(MetadataTokens.GetToken(group.Key)),
                group => group.Sum(entry => entry.Value.Last - entry.Value.First + 1));
    }

    private static bool IsGenerated(MetadataReader pdb, DocumentHandle document)
    {
        var path = pdb.GetString(pdb.GetDocument(document).Name).Replace('\\', '/');
        return path.EndsWith(".g.cs", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal);
    }
}
