using Egov.Modules.Outreach.Domain.Posts;
using Egov.Modules.Outreach.Features.Channels;
using Egov.Modules.Outreach.Features.Posts;
using Egov.Modules.Outreach.Persistence;
using Egov.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Outreach.Features.Inbox;

/// <summary>
/// The press office sets a channel's acknowledgement policy (<c>PUT /api/v1/outreach/channels/{id}/acknowledgement-policy</c>,
/// If-Match): a short list of approved texts such as „Danke für Ihren Hinweis, wir kümmern uns.“ that answer a citizen on
/// this channel without a second person. Each text is checked now as an answer on the channel would be (personal data,
/// banned terms, the platform's length): approving the list is the second pair of eyes for every later use of it.
/// Anything else answered keeps four eyes. An empty list ends the policy.
/// </summary>
internal sealed record SetAcknowledgementPolicyCommand(OutreachActor Actor, Guid ChannelId, int? IfMatch, AcknowledgementPolicyInput Input) : ICommand<ChannelView>;

/// <param name="Texts">The approved acknowledgements: at most <see cref="SetAcknowledgementPolicyHandler.MaxTexts"/>, each 1 to 500 characters, no two alike.</param>
internal sealed record AcknowledgementPolicyInput(IReadOnlyList<string?>? Texts);

internal sealed class SetAcknowledgementPolicyHandler(OutreachDbContext db, PostCheckService checks, TimeProvider time) : ICommandHandler<SetAcknowledgementPolicyCommand, ChannelView>
{
    /// <summary>Most texts a policy holds: a handful of stock phrases, not a second composer.</summary>
    public const int MaxTexts = 20;

    /// <exception cref="RequestValidationException"><c>texts</c> missing or too many; <c>texts[i]</c> blank, over 500 characters or repeated.</exception>
    /// <exception cref="ForbiddenException">Not an Approver (press office).</exception>
    /// <exception cref="NotFoundException">No such channel.</exception>
    /// <exception cref="ConflictException">The channel is retired or disabled.</exception>
    /// <exception cref="DomainRuleException">A text fails the channel's checks (422 with the report in <c>checks</c>).</exception>
    public async ValueTask<ChannelView> Handle(SetAcknowledgementPolicyCommand command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsApprover)
        {
            throw new ForbiddenException("The acknowledgement policy is set by the press office (Approver role): its texts go out without a second person.");
        }

        var texts = Texts(command.Input);
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == command.ChannelId, cancellationToken) ?? throw new NotFoundException($"There is no channel {command.ChannelId}.");
        if (command.IfMatch is null)
        {
            throw new PreconditionRequiredException("Changes need an If-Match header with the channel's ETag as you last read it.");
        }

        if (command.IfMatch != channel.Version)
        {
            throw new PreconditionFailedException("The channel changed since you read it; read it again, then retry.");
        }

        if (channel.Retired || !channel.Enabled)
        {
            throw new ConflictException($"The channel {channel.Name} is {(channel.Retired ? "retired" : "disabled")}; it answers nobody.");
        }

        if (texts.Count > 0)
        {
            // Checked as answers (a reply target is set: no image required), exactly as AnswerInboxItem will check them.
            var variants = texts.Select(t => new PostVariant { Id = Guid.NewGuid(), ChannelId = channel.Id, Text = t, ReplyToPlatformId = "acknowledgement-policy" }).ToList();
            PostCheckService.EnsurePasses(await checks.CheckAsync(variants, null, null, cancellationToken), "used as an acknowledgement");
        }

        channel.SetAcknowledgementTexts(texts, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ChannelView.From(channel);
    }

    private static List<string> Texts(AcknowledgementPolicyInput input)
    {
        if (input.Texts is null)
        {
            throw new RequestValidationException("texts", "A list of approved texts is required ([] ends the policy).");
        }

        if (input.Texts.Count > MaxTexts)
        {
            throw new RequestValidationException("texts", $"At most {MaxTexts} texts.");
        }

        var texts = new List<string>(input.Texts.Count);
        for (var i = 0; i < input.Texts.Count; i++)
        {
            var text = AcknowledgementPolicy.Normalise(input.Texts[i]);
            if (text.Length is 0 or > 500)
            {
                throw new RequestValidationException($"texts[{i}]", "Each text must be 1 to 500 characters.");
            }

            if (texts.Contains(text, StringComparer.Ordinal))
            {
                throw new RequestValidationException($"texts[{i}]", "This text is in the list already.");
            }

            texts.Add(text);
        }

        return texts;
    }
}

/// <summary>How an answer is matched against a channel's approved acknowledgements.</summary>
internal static class AcknowledgementPolicy
{
    /// <summary>
    /// The text as compared: trimmed, Unicode NFC, runs of white space as one space. Nothing else is forgiven — a changed
    /// word, a name added or another punctuation mark is a new text and needs a second person.
    /// </summary>
    public static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The approved text <paramref name="answer"/> is (as stored, so exactly that goes out), or null when it is none of them.</summary>
    public static string? Match(IReadOnlyList<string> approved, string answer)
    {
        var normalised = Normalise(answer);
        return approved.FirstOrDefault(text => string.Equals(text, normalised, StringComparison.Ordinal));
    }
}
