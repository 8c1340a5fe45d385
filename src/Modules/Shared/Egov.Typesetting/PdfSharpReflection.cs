using System.Reflection;
using PdfSharp.Pdf;

namespace Egov.Typesetting;

/// <summary>
/// Keeps the reflection data of PDFsharp's object types alive for the life of the process.
/// </summary>
/// <remarks>
/// PDFsharp 6.2.4 creates the dictionaries of every document (<c>PdfCatalog</c>, <c>PdfPages</c>,
/// <c>PdfResources</c>, <c>PdfResourceMap</c>, <c>PdfViewerPreferences</c>, <c>PdfDocumentInformation</c>,
/// <c>PdfArray</c>, …) through <see cref="ConstructorInfo.Invoke(object[])"/>. The runtime holds a
/// type's reflection cache only through a weak handle, so after a garbage collection the next receipt
/// got new constructor objects and, on their second call, seven newly emitted and JIT-compiled invoke
/// stubs: about 950 compilations during one <c>submit-load</c> run of 1,500 receipts (perf map of the
/// host). Holding the constructors keeps the caches and the stubs emitted once.
/// </remarks>
internal static class PdfSharpReflection
{
    private static ConstructorInfo[]? _kept;

    /// <summary>Holds the constructors of every concrete PDFsharp object type (once per process; later calls return at once).</summary>
    public static void KeepAlive()
    {
        if (Volatile.Read(ref _kept) is null)
        {
            Interlocked.CompareExchange(ref _kept, Constructors(), null);
        }
    }

    /// <summary>Whether <paramref name="type"/>'s constructors are held (for tests).</summary>
    internal static bool IsKept(Type type) => Volatile.Read(ref _kept)?.Any(c => c.DeclaringType == type) == true;

    private static ConstructorInfo[] Constructors()
    {
        Type?[] types;
        try
        {
            types = typeof(PdfObject).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type that needs an assembly PDFsharp only uses on another platform; the rest load.
            types = e.Types;
        }

        return [.. types
            .OfType<Type>()
            .Where(t => typeof(PdfObject).IsAssignableFrom(t) && !t.IsAbstract && !t.ContainsGenericParameters)
            .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))];
    }
}
