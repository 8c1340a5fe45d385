using System.Reflection;
using System.Runtime.CompilerServices;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using static Egov.Typesetting.Tests.SampleDocuments;

namespace Egov.Typesetting.Tests;

/// <summary>
/// PDFsharp builds each document's dictionaries through reflection; rendering keeps those
/// constructors, so a full garbage collection does not make the next receipt emit and JIT-compile
/// their invoke stubs again.
/// </summary>
public sealed class PdfSharpReflectionTests
{
    [Theory]
    [InlineData(typeof(PdfCatalog))]
    [InlineData(typeof(PdfPages))]
    [InlineData(typeof(PdfResources))]
    [InlineData(typeof(PdfArray))]
    public void Render_ThenAFullCollection_KeepsTheConstructorsPdfSharpInvokes(Type type)
    {
        new ReceiptRenderer().Render(Receipt());
        var constructor = WeakConstructor(type);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        Assert.True(PdfSharpReflection.IsKept(type));
        Assert.True(constructor.IsAlive);
    }

    [Fact]
    public void Render_AfterAFullCollection_GivesTheSameBytes()
    {
        var before = new ReceiptRenderer().Render(Receipt());
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        Assert.Equal(before, new ReceiptRenderer().Render(Receipt()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakConstructor(Type type) =>
        new(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)[0]);
}
