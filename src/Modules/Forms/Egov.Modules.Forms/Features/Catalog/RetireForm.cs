using Egov.Modules.Forms.Persistence;
using Mediator;

namespace Egov.Modules.Forms.Features.Catalog;

/// <summary>Takes a form out of the catalog; filed applications stay valid.</summary>
internal sealed record RetireFormCommand(Guid FormId) : ICommand<Unit>;

internal sealed class RetireFormHandler(FormsDbContext db, TimeProvider time) : ICommandHandler<RetireFormCommand, Unit>
{
    public async ValueTask<Unit> Handle(RetireFormCommand command, CancellationToken cancellationToken)
    {
        var form = await db.FindAsync(command.FormId.ToString(), cancellationToken);
        form.Retire(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
