
namespace Egov.Modules.Outreach.Features.Channels.Kinds;

/// <summary>The registered channel kinds (every <see cref="ChannelKind"/> in the container), in their <see cref="ChannelKind.Order"/>.</summary>
internal sealed class ChannelKinds
{
    private readonly Dictionary<string, ChannelKind> _byName;

    public ChannelKinds(IEnumerable<ChannelKind> kinds)
    {
        All = [.. kinds.OrderBy(kind => kind.Order).ThenBy(kind => kind.Name, StringComparer.Ordinal)];
        _byName = All.ToDictionary(kind => kind.Name, StringComparer.Ordinal);
        Names = [.. All.Select(kind => kind.Name)];
    }

    /// <summary>Every kind.</summary>
    public IReadOnlyList<ChannelKind> All { get; }

    /// <summary>Every kind's <see cref="ChannelKind.Name"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The kind named <paramref name="name"/> (case-sensitive, as stored), or null.</summary>
    public ChannelKind? Find(string? name) => name is not null && _byName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The kind of a stored channel.</summary>
    /// <exception cref="InvalidOperationException">No kind of that name is registered (a channel stored by a build that had it).</exception>
    public ChannelKind Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"No channel kind {name} is registered.");
}
