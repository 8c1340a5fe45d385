using Egov.Modules.Forms.Contracts;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Handoff.Features.Handoffs;

/// <summary>The configured targets, and which of them take a case.</summary>
internal sealed class HandoffTargets(IOptionsMonitor<HandoffOptions> options)
{
    /// <summary>The targets configured now, by key.</summary>
    public IReadOnlyDictionary<string, HandoffTargetOptions> All => options.CurrentValue.Targets;

    /// <summary>The target <paramref name="key"/>, or null when no such target is configured.</summary>
    public HandoffTargetOptions? Find(string key) => options.CurrentValue.Targets.GetValueOrDefault(key);

    /// <summary>The targets whose forms include the case's form, version and department, ordered by key.</summary>
    public IEnumerable<(string Key, HandoffTargetOptions Target)> For(CaseRecord record) =>
        options.CurrentValue.Targets
            .Where(t => t.Value.Forms.Any(f => f.Key == record.FormKey
                && (f.Versions.Count == 0 || f.Versions.Contains(record.FormVersion))
                && (f.Department is null || f.Department == record.Department)))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, t.Value));
}
