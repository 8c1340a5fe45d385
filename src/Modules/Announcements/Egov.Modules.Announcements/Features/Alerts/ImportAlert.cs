using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.Modules.Announcements.Features.Authoring;
using Egov.Modules.Announcements.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Announcements.Features.Alerts;

/// <summary>Reads an official warning (CAP 1.2 XML or the warning app's JSON) into a draft alert for re-publication.</summary>
/// <param name="Actor">Editor or CrisisManager.</param>
/// <param name="Content">The uploaded document (at most 1 MiB).</param>
/// <param name="Json">True for the warning app's JSON form, false for CAP XML.</param>
internal sealed record ImportAlertCommand(ContentActor Actor, byte[] Content, bool Json) : ICommand<AnnouncementEditorView>;

/// <summary>
/// Imports an uploaded official warning as a draft alert (<see cref="AlertImporter"/>) so the city
/// can re-publish it for its area; the draft then goes through the usual approval.
/// </summary>
internal sealed class ImportAlertHandler(AnnouncementsDbContext db, IOptions<AnnouncementOptions> options, TimeProvider time)
    : ICommandHandler<ImportAlertCommand, AnnouncementEditorView>
{
    public async ValueTask<AnnouncementEditorView> Handle(ImportAlertCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsEditor && !command.Actor.IsCrisisManager)
        {
            throw new ForbiddenException("Importing warnings needs the Editor or CrisisManager role.");
        }

        using var stream = new MemoryStream(command.Content, writable: false);
        var read = command.Json ? BbkWarningReader.Read(stream) : CapXmlReader.Read(stream);
        if (!read.IsAccepted || read.Alert is not { } cap)
        {
            throw new RequestValidationException(read.Problems
                .GroupBy(p => p.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));
        }

        var announcement = await AlertImporter.DraftAsync(db, cap, command.Actor, options.Value, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AnnouncementEditorView.From(announcement);
    }
}
