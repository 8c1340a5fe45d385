using System.Collections;
using System.Runtime.CompilerServices;

namespace Egov.Modules.Announcements.Engines.Cap;

/// <summary>
/// An immutable list that compares by its items, so that CAP records holding lists are equal when
/// their contents are (a read, written and read-again alert equals the first). Build one with a
/// collection expression: <c>ValueList&lt;CapCategory&gt; categories = [CapCategory.Met];</c>.
/// </summary>
/// <typeparam name="T">Item type; its own <see cref="object.Equals(object)"/> decides equality.</typeparam>
[CollectionBuilder(typeof(ValueListBuilder), nameof(ValueListBuilder.Create))]
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>, in their order.</summary>
    public ValueList(IEnumerable<T> items) => _items = [.. items];

    /// <summary>The list without items.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items, comma-separated, for test failure messages.</summary>
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Lets collection expressions build a <see cref="ValueList{T}"/>.</summary>
internal static class ValueListBuilder
{
    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
