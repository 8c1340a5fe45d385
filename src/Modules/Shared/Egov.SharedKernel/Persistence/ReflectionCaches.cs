using System.Collections.Concurrent;
using System.Reflection;

namespace Egov.SharedKernel.Persistence;

/// <summary>
/// Keeps the runtime's reflection data of a few types alive for the life of the process.
/// </summary>
/// <remarks>
/// <para>The runtime holds a type's reflection cache (its <see cref="MemberInfo"/> objects) only
/// through a weak handle. A garbage collection that finds no other reference drops it; the next
/// lookup creates new member objects, and the second call of each through reflection emits and
/// JIT-compiles a new invoke stub. EF Core reads a captured property such as a worker's
/// <c>Owner</c> in a query through <see cref="PropertyInfo.GetValue(object)"/>, and PDFsharp creates its
/// dictionaries through <see cref="ConstructorInfo.Invoke(object[])"/>: under load, with a
/// collection every few hundred milliseconds, that was some 1,000 stubs compiled again and again
/// during one <c>submit-load</c> run (issues 17 and 18: no JIT activity in steady state).</para>
/// <para>Holding the members of a type keeps its cache, and with it the invoke stubs already
/// emitted. Call <see cref="KeepAlive"/> for the types a hot path reflects on; calling it again for
/// the same type costs one dictionary lookup. The kernel keeps every <c>LeasedWorker&lt;TItem&gt;</c>
/// (its <c>Owner</c>) and every context registered through <c>AddEgovDbContext</c> (its sets, named
/// inside queries); Forms keeps <c>Applicant</c> (its <c>Subject</c>).</para>
/// </remarks>
public static class ReflectionCaches
{
    private const BindingFlags AllMembers = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public
        | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, MemberInfo[]> Kept = new();

    /// <summary>Keeps <paramref name="type"/>'s reflection cache (declared members, constructors included) for the process's life.</summary>
    /// <param name="type">A closed type (a generic type definition's own cache is not the one its instantiations use).</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public static void KeepAlive(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Kept.GetOrAdd(type, static t => t.GetMembers(AllMembers));
    }

    /// <summary>Whether <see cref="KeepAlive"/> was called for <paramref name="type"/> (for tests and diagnostics).</summary>
    /// <param name="type">The type.</param>
    public static bool IsKept(Type type) => Kept.ContainsKey(type);
}
