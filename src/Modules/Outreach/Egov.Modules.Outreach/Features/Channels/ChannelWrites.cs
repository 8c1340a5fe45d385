using System.Net;
using Egov.Modules.Outreach.Domain.Channels;
using Egov.Modules.Outreach.Features.Channels.Kinds;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels;

/// <summary>The rules the channel registry's commands share: settings from input, enabling, unique names, limits, the save.</summary>
internal sealed class ChannelWrites(OutreachDbContext db, ChannelKinds kinds, ChannelLimitsProvider limits, IOptions<OutreachOptions> options)
{
    /// <summary>The registered kind of a validated input.</summary>
    public ChannelKind Kind(string name) => kinds.Get(name);

    /// <summary>The settings to store.</summary>
    /// <exception cref="RequestValidationException">A plain-http address that is not an allowed loopback address (field <c>address</c>).</exception>
    public ChannelSettings Settings(ChannelInput input, ChannelKind kind)
    {
        var address = input.Address?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            address = kind.DefaultAddress;
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

    /// <exception cref="RequestValidationException">Enabled without credentials (field <c>credentials</c>) or without the assessment (<c>dataProtection.assessmentDone</c>).</exception>
    public static void EnsureMayEnable(ChannelSettings settings, ChannelKind kind, bool hasCredentials)
    {
        if (!settings.Enabled)
        {
            return;
        }

        if (!hasCredentials && kind.CredentialKeys.Count > 0)
        {
            throw new RequestValidationException("credentials", $"An enabled {kind.Name} channel needs its credentials: {string.Join(", ", kind.CredentialKeys)}.");
        }

        if (!settings.AssessmentDone)
        {
            throw new RequestValidationException("dataProtection.assessmentDone", "A channel is enabled only after its data-protection assessment is done (guidelines: data protection).");
        }
    }

    /// <exception cref="RequestValidationException">Another channel has the name (field <c>name</c>).</exception>
    public async Task EnsureNameFreeAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.Channels.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken))
        {
            throw new RequestValidationException("name", $"There is already a channel named {name}.");
        }
    }

    /// <exception cref="RequestValidationException">The platform's limits could not be read (field <c>address</c>).</exception>
    public async Task<ChannelLimits> ReadFromPlatformAsync(ChannelKind kind, string address, CancellationToken cancellationToken)
    {
        try
        {
            return await limits.ReadFromPlatformAsync(kind.Name, new Uri(address), cancellationToken);
        }
        catch (PlatformUnavailableException e)
        {
            throw new RequestValidationException("address", $"The {kind.DisplayNameEn} instance's limits could not be read ({e.Message}); check the address, or try again when the instance answers.");
        }
    }

    /// <exception cref="NotFoundException">There is no such channel.</exception>
    public async Task<Channel> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException($"There is no channel {id}.");

    /// <exception cref="PreconditionFailedException">Someone else changed the channel at the same time.</exception>
    /// <exception cref="ConflictException">Another channel of the same name was created at the same time.</exception>
    public async Task SaveAsync(CancellationToken cancellationToken)
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
