using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Domain;

/// <summary>One numbered version of a form; immutable once published.</summary>
internal sealed class FormVersion
{
    private FormVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid FormDefinitionId { get; private set; }

    public int Number { get; private set; }

    public FormVersionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public FormContent Content { get; private set; } = null!;

    public static FormVersion CreateDraft(Guid formId, int number, FormContent content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FormDefinitionId = formId,
        Number = number,
        Status = FormVersionStatus.Draft,
        CreatedAt = now,
        Content = content,
    };

    /// <exception cref="ConflictException">The version is published and therefore immutable.</exception>
    public void Update(FormContent content)
    {
        EnsureDraft("changed");
        Content = content;
    }

    /// <exception cref="ConflictException">The version is published already.</exception>
    public void Publish(DateTimeOffset now)
    {
        EnsureDraft("published again");
        Status = FormVersionStatus.Published;
        PublishedAt = now;
    }

    private void EnsureDraft(string action)
    {
        if (Status != FormVersionStatus.Draft)
        {
            throw new ConflictException($"Version {Number} is published and cannot be {action}; create a new version instead.");
        }
    }
}
