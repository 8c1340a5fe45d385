using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Domain;

/// <summary>
/// A form of the city's catalog, identified by a stable key (e.g. <c>hundesteuer-anmeldung</c>),
/// with numbered versions. A published version never changes; a new version replaces it for new
/// applications while filed applications keep pointing at theirs.
/// </summary>
internal sealed class FormDefinition
{
    private FormDefinition()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it left the catalog (UTC); filed applications stay valid.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public List<FormVersion> Versions { get; private set; } = [];

    /// <summary>Concurrency token: bumped on every change of the form or its versions.</summary>
    public uint Revision { get; private set; }

    public FormVersion? CurrentVersion => RetiredAt is null
        ? Versions.Where(v => v.Status == FormVersionStatus.Published).MaxBy(v => v.Number)
        : null;

    public static FormDefinition Create(string key, FormContent content, DateTimeOffset now)
    {
        var form = new FormDefinition { Id = Guid.CreateVersion7(now), Key = key, CreatedAt = now };
        form.Versions.Add(FormVersion.CreateDraft(form.Id, 1, content, now));
        return form;
    }

    /// <summary>Adds the next version as a draft.</summary>
    /// <exception cref="ConflictException">A draft exists already, or the form is retired.</exception>
    public FormVersion AddDraft(FormContent content, DateTimeOffset now)
    {
        EnsureNotRetired();
        if (Versions.Any(v => v.Status == FormVersionStatus.Draft))
        {
            throw new ConflictException($"Form '{Key}' already has a draft version; edit or publish it first.");
        }

        var version = FormVersion.CreateDraft(Id, Versions.Max(v => v.Number) + 1, content, now);
        Versions.Add(version);
        Touch();
        return version;
    }

    public FormVersion Version(int number) =>
        Versions.FirstOrDefault(v => v.Number == number)
        ?? throw new NotFoundException($"Form '{Key}' has no version {number}.");

    public void UpdateDraft(int number, FormContent content)
    {
        EnsureNotRetired();
        Version(number).Update(content);
        Touch();
    }

    public void Publish(int number, DateTimeOffset now)
    {
        EnsureNotRetired();
        Version(number).Publish(now);
        Touch();
    }

    /// <exception cref="ConflictException">It is retired already.</exception>
    public void Retire(DateTimeOffset now)
    {
        EnsureNotRetired();
        RetiredAt = now;
        Touch();
    }

    private void EnsureNotRetired()
    {
        if (RetiredAt is not null)
        {
            throw new ConflictException($"Form '{Key}' is retired.");
        }
    }

    private void Touch() => Revision++;
}
