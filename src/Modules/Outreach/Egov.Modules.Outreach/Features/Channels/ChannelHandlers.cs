using System.Net;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels;

internal sealed record CreateChannelCommand(ChannelInput Input) : ICommand<ChannelView>;

internal sealed record UpdateChannelCommand(Guid Id, int? IfMatch, ChannelInput Input) : ICommand<ChannelView>;

internal sealed record RefreshChannelLimitsCommand(Guid Id) : ICommand<ChannelView>;

internal sealed record ListChannelsQuery(bool? Enabled) : IQuery<IReadOnlyList<ChannelView>>;

internal sealed record GetChannelQuery(Guid Id) : IQuery<ChannelView>;

/// <summary>The channel registry (administrators write, staff read).</summary>
internal sealed class ChannelHandlers(
    OutreachDbContext db,
    ChannelCredentialProtector protector,
    MastodonInstanceReader instances,
    IOptions<OutreachOptions> options,
    TimeProvider time) :
    ICommandHandler<CreateChannelCommand, ChannelView>,
    ICommandHandler<UpdateChannelCommand, ChannelView>,
    ICommandHandler<RefreshChannelLimitsCommand, ChannelView>,
    IQueryHandler<ListChannelsQuery, IReadOnlyList<ChannelView>>,
    IQueryHandler<GetChannelQuery, ChannelView>
{
    public async ValueTask<ChannelView> Handle(CreateChannelCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var kind = input.Kind!;
        var settings = Settings(input);
        EnsureMayEnable(settings, kind, input.Credentials is not null || ChannelCredentialKeys.For(kind).Count == 0);
        await EnsureNameFreeAsync(settings.Name, null, cancellationToken);
        var limits = kind == OutreachChannelKinds.Mastodon
            ? await ReadInstanceAsync(settings.Address!, cancellationToken)
            : ChannelLimitsMapping.Documented(kind);
        var channel = Channel.Create(kind, settings, limits, input.Credentials is { } c ? protector.Protect(c) : null, time.GetUtcNow());
        db.Channels.Add(channel);
        await SaveAsync(cancellationToken);
        return ChannelView.From(channel);
    }

    public async ValueTask<ChannelView> Handle(UpdateChannelCommand command, CancellationToken cancellationToken)
    {
        var channel = await FindAsync(command.Id, cancellationToken);
        if (command.IfMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the channel's ETag as you last read it.");
        }

        if (command.IfMatch != channel.Version)
        {
            throw new PreconditionFailedException("The channel changed since you read it; read it again, then retry.");
        }

        var input = command.Input;
        if (input.Kind != channel.Kind)
        {
            throw new RequestValidationException("kind", $"The kind of a channel cannot change (it is {channel.Kind}); create a new channel instead.");
        }

        var settings = Settings(input);
        EnsureMayEnable(settings, channel.Kind, input.Credentials is not null || channel.ProtectedCredentials is not null || ChannelCredentialKeys.For(channel.Kind).Count == 0);
        await EnsureNameFreeAsync(settings.Name, channel.Id, cancellationToken);
        var now = time.GetUtcNow();
        var addressChanged = settings.Address != channel.Address;
        channel.Update(settings, now);
        if (input.Credentials is { } credentials)
        {
            channel.ReplaceCredentials(protector.Protect(credentials), now);
        }

        if (addressChanged && channel.Kind == OutreachChannelKinds.Mastodon)
        {
            channel.RefreshLimits(await ReadInstanceAsync(settings.Address!, cancellationToken), now);
        }

        await SaveAsync(cancellationToken);
        return ChannelView.From(channel);
    }

    public async ValueTask<ChannelView> Handle(RefreshChannelLimitsCommand command, CancellationToken cancellationToken)
    {
        var channel = await FindAsync(command.Id, cancellationToken);
        if (channel.Kind == OutreachChannelKinds.Mastodon)
        {
            channel.RefreshLimits(await ReadInstanceAsync(channel.Address!, cancellationToken), time.GetUtcNow());
            await SaveAsync(cancellationToken);
        }

        return ChannelView.From(channel);
    }

    public async ValueTask<IReadOnlyList<ChannelView>> Handle(ListChannelsQuery query, CancellationToken cancellationToken)
    {
        var channels = db.Channels.AsNoTracking();
        if (query.Enabled is { } enabled)
        {
            channels = channels.Where(c => c.Enabled == enabled);
        }

        return [.. (await channels.OrderBy(c => c.Name).ToListAsync(cancellationToken)).Select(ChannelView.From)];
    }

    public async ValueTask<ChannelView> Handle(GetChannelQuery query, CancellationToken cancellationToken) =>
        ChannelView.From(await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException($"There is no channel {query.Id}."));

    private ChannelSettings Settings(ChannelInput input)
    {
        var address = input.Address?.Trim();
        if (input.Kind == OutreachChannelKinds.Bluesky && string.IsNullOrEmpty(address))
        {
            address = "https://bsky.social";
        }

        if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            && !(options.Value.AllowLoopbackHttp && IsLoopback(uri)))
        {
            throw new RequestValidationException("address", "Must be an https:// URL (plain http is refused: credentials would travel in clear text).");
        }

        var dp = input.DataProtection ?? new DataProtectionInput(false, null, null);
        return new ChannelSettings(input.Name!.Trim(), input.Enabled, input.CrisisCapable, input.OwningUnit!.Trim(),
            string.IsNullOrEmpty(address) ? null : address.TrimEnd('/'), input.Account?.Trim(), dp.AssessmentDone, dp.AssessedOn, dp.JointControllershipNote, input.RequiresImprintLink,
            input.CrossPostPolicy is null ? CrossPostPolicy.None : Enum.Parse<CrossPostPolicy>(input.CrossPostPolicy, ignoreCase: true));
    }

    private static void EnsureMayEnable(ChannelSettings settings, string kind, bool hasCredentials)
    {
        if (!settings.Enabled)
        {
            return;
        }

        if (!hasCredentials)
        {
            throw new RequestValidationException("credentials", $"An enabled {kind} channel needs its credentials: {string.Join(", ", ChannelCredentialKeys.For(kind))}.");
        }

        if (!settings.AssessmentDone)
        {
            throw new RequestValidationException("dataProtection.assessmentDone", "A channel is enabled only after its data-protection assessment is done (guidelines: data protection).");
        }
    }

    private async Task EnsureNameFreeAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Channels.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken))
        {
            throw new RequestValidationException("name", $"There is already a channel named {name}.");
        }
    }

    private async Task<ChannelLimits> ReadInstanceAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            return await instances.ReadLimitsAsync(new Uri(address), cancellationToken);
        }
        catch (PlatformUnavailableException e)
        {
            throw new RequestValidationException("address", $"The Mastodon instance's limits could not be read ({e.Message}); check the address, or try again when the instance answers.");
        }
    }

    private async Task<Channel> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no channel {id}.");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("The channel was changed by someone else at the same time; read it again, then retry.");
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Another channel with this name was created at the same time; choose another name.");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
