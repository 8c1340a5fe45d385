using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Egov.Modules.Outreach.Contracts;
using Egov.Modules.Outreach.Engines.TextRules;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Outreach.Features.Channels.Kinds.Telegram;

/// <summary>
/// Posts to a Telegram channel as its bot through the Bot API (https://core.telegram.org/bots/api), at
/// <c>{ApiBaseAddress}/bot{botToken}/{method}</c>; the chat is the channel's address (<c>@channelname</c> or <c>-100…</c>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Text: <c>sendMessage</c> with <c>text</c> = <see cref="TelegramHtml.Escape"/> of the plain text and
/// <c>parse_mode=HTML</c>. A text over 4096 characters (as Telegram counts, <see cref="TextLength.Telegram"/>)
/// goes out in parts split at paragraphs (<see cref="TelegramTextSplitter"/>), each escaped on its own.</item>
/// <item>Images: one → <c>sendPhoto</c>, several → <c>sendMediaGroup</c> (up to 10 per group), with the text as
/// caption when it fits 1024 characters; otherwise the images go first without caption and the text follows.
/// Telegram has no alt text for photos.</item>
/// <item>A reply (<see cref="OutboundMessage.ReplyTo"/>, <c>chat_id:message_id</c>) sets <c>reply_parameters</c> on the first message.</item>
/// </list>
/// <para><b>Never twice.</b> The Bot API has no idempotency key, and a bot cannot read a channel's history to
/// look for what it sent. So a request is repeated only when it surely never reached Telegram (no connection
/// could be made; see <see cref="DeliveryResilience.RetryOnlyIfNotReceived"/>) or Telegram refused it with 429
/// (after <c>parameters.retry_after</c>). A timeout or a 5xx once the request was sent ends as
/// <see cref="DeliveryOutcomeKind.Uncertain"/>: a person looks at the channel and decides.</para>
/// <para><b>Several messages.</b> When the first message (part, photo) fails, the outcome is that failure's
/// (Retry, Failed or Uncertain). When a later one fails, the earlier ones are public already; a new attempt would
/// repeat them, and the contract has no way to hand the sent parts back to the next attempt. So the outcome is
/// Uncertain — whatever the failure — with <see cref="DeliveryOutcome.PlatformId"/> naming every message published
/// (<c>chat_id:id1,id2</c>) and the error saying which part is missing and why, for a person to complete or retract.</para>
/// <para>PlatformId of a complete delivery: <c>chat_id:message_id</c> of the first message; Url
/// <c>https://t.me/{username}/{id}</c> for a public channel, <c>https://t.me/c/{id}/{id}</c> for a private one.</para>
/// </remarks>
internal sealed class TelegramAdapter(HttpClient http, IOptions<TelegramOptions> telegram, TimeProvider time) : IChannelAdapter
{
    /// <summary>Bot API <c>sendMessage</c>: "1-4096 characters after entities parsing".</summary>
    public const int MessageLimit = 4096;

    /// <summary>Bot API <c>sendPhoto</c>/<c>sendMediaGroup</c>: "0-1024 characters after entities parsing".</summary>
    public const int CaptionLimit = 1024;

    /// <summary>Bot API <c>sendMediaGroup</c>: "an array describing messages to be sent, must include 2-10 items".</summary>
    public const int MediaGroupLimit = 10;

    public string Kind => OutreachChannelKinds.Telegram;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Channel;
        try
        {
            var token = PlatformHttp.Credential(channel, "botToken");
            var chat = string.IsNullOrWhiteSpace(channel.Address)
                ? throw new DeliveryOutcomeException(DeliveryOutcome.Failed("The Telegram channel has no chat id (@channelname or -100…)."))
                : channel.Address.Trim();
            var steps = Plan(message, chat);
            var replyTo = ReplyToMessageId(message.ReplyTo);
            var sent = new List<SentMessage>();
            for (var index = 0; index < steps.Count; index++)
            {
                try
                {
                    var (method, content) = steps[index](sent.Count == 0 ? replyTo : null);
                    sent.AddRange(await CallAsync(channel, token, method, content, cancellationToken));
                }
                catch (DeliveryOutcomeException failed) when (sent.Count > 0)
                {
                    return PartlyPublished(sent, index, steps.Count, failed.Outcome);
                }
            }

            var first = sent[0];
            return DeliveryOutcome.Sent(PlatformId(sent.Take(1)), Url(first, chat), 200);
        }
        catch (DeliveryOutcomeException refused)
        {
            return refused.Outcome;
        }
    }

    /// <summary>Null: the Bot API tells a bot nothing about views or reactions in a channel.</summary>
    public Task<Engagement?> GetEngagementAsync(ChannelEndpoint channel, string platformId, CancellationToken cancellationToken) =>
        Task.FromResult<Engagement?>(null);

    private delegate (string Method, HttpContent Content) Step(long? replyToMessageId);

    private static List<Step> Plan(OutboundMessage message, string chat)
    {
        var steps = new List<Step>();
        var text = message.Text;
        var captioned = message.Media.Count > 0 && TextLength.Telegram(text) <= CaptionLimit;
        var groups = message.Media.Chunk(MediaGroupLimit).ToList();
        for (var group = 0; group < groups.Count; group++)
        {
            var media = groups[group];
            var caption = captioned && group == 0 ? text : null;
            steps.Add(media.Length == 1
                ? replyTo => ("sendPhoto", Photo(chat, media[0], caption, replyTo))
                : replyTo => ("sendMediaGroup", MediaGroup(chat, media, caption, replyTo)));
        }

        if (!captioned)
        {
            foreach (var part in TelegramTextSplitter.Split(text, MessageLimit))
            {
                steps.Add(replyTo => ("sendMessage", TextMessage(chat, part, replyTo)));
            }
        }

        return steps;
    }

    private static JsonContent TextMessage(string chat, string plainText, long? replyTo)
    {
        var body = new JsonObject
        {
            ["chat_id"] = chat,
            ["text"] = TelegramHtml.Escape(plainText),
            ["parse_mode"] = "HTML",
        };
        if (replyTo is { } messageId)
        {
            body["reply_parameters"] = ReplyParameters(messageId);
        }

        return JsonContent.Create(body);
    }

    private static MultipartFormDataContent Photo(string chat, OutboundMedia media, string? caption, long? replyTo)
    {
        var form = new MultipartFormDataContent { { new StringContent(chat), "chat_id" } };
        form.Add(File(media), "photo", media.FileName);
        AddCaption(form, caption);
        if (replyTo is { } messageId)
        {
            form.Add(new StringContent(ReplyParameters(messageId).ToJsonString()), "reply_parameters");
        }

        return form;
    }

    private static MultipartFormDataContent MediaGroup(string chat, OutboundMedia[] media, string? caption, long? replyTo)
    {
        var form = new MultipartFormDataContent { { new StringContent(chat), "chat_id" } };
        var items = new JsonArray();
        for (var index = 0; index < media.Length; index++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"photo{index}");
            var item = new JsonObject { ["type"] = "photo", ["media"] = "attach://" + name };
            if (index == 0 && caption is not null)
            {
                item["caption"] = TelegramHtml.Escape(caption);
                item["parse_mode"] = "HTML";
            }

            items.Add(item);
            form.Add(File(media[index]), name, media[index].FileName);
        }

        form.Add(new StringContent(items.ToJsonString()), "media");
        if (replyTo is { } messageId)
        {
            form.Add(new StringContent(ReplyParameters(messageId).ToJsonString()), "reply_parameters");
        }

        return form;
    }

    private static void AddCaption(MultipartFormDataContent form, string? caption)
    {
        if (caption is not null)
        {
            form.Add(new StringContent(TelegramHtml.Escape(caption)), "caption");
            form.Add(new StringContent("HTML"), "parse_mode");
        }
    }

    private static ByteArrayContent File(OutboundMedia media)
    {
        var file = new ByteArrayContent(media.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(media.ContentType);
        return file;
    }

    // allow_sending_without_reply: an alert update still goes out when the message it answers was deleted.
    private static JsonObject ReplyParameters(long messageId) =>
        new() { ["message_id"] = messageId, ["allow_sending_without_reply"] = true };

    /// <summary>One Bot API call; its messages, or a <see cref="DeliveryOutcomeException"/> with what its failure means.</summary>
    private async Task<IReadOnlyList<SentMessage>> CallAsync(ChannelEndpoint channel, string token, string method, HttpContent content, CancellationToken cancellationToken)
    {
        var address = new Uri(telegram.Value.ApiBaseAddress.AbsoluteUri.TrimEnd('/') + "/bot" + token + "/" + method);
        using var request = PlatformHttp.Request(HttpMethod.Post, address, channel, retryOnlyIfNotReceived: true);
        request.Content = content;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (PlatformHttp.IsTransportFailure(e, cancellationToken))
        {
            // Messages never carry the URL: it holds the bot token.
            throw new DeliveryOutcomeException(PlatformHttp.NeverReceived(e)
                ? DeliveryOutcome.Retry($"Telegram could not be reached ({method}); nothing was sent: {e.GetType().Name}.")
                : DeliveryOutcome.Uncertain($"Telegram did not answer {method} in time or the connection broke after it was sent; it may or may not be published. Look at the channel before sending it again."));
        }

        using (response)
        {
            var body = await PlatformHttp.ReadJsonAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && body is { ValueKind: JsonValueKind.Object } answer
                && answer.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                && answer.TryGetProperty("result", out var result))
            {
                return result.ValueKind == JsonValueKind.Array ? [.. result.EnumerateArray().Select(SentMessage.From)] : [SentMessage.From(result)];
            }

            var error = $"Telegram {method}: " + PlatformHttp.Describe(response, PlatformHttp.Member(body, "description"));
            var status = (int)response.StatusCode;
            throw new DeliveryOutcomeException(response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => DeliveryOutcome.Retry(error, await PlatformRetryAfter.ReadAsync(response, time, cancellationToken), status),
                _ when status >= 500 || response.IsSuccessStatusCode => DeliveryOutcome.Uncertain(error + " It may or may not be published. Look at the channel before sending it again.", status),
                _ => DeliveryOutcome.Failed(error, status),
            });
        }
    }

    private static DeliveryOutcome PartlyPublished(List<SentMessage> sent, int failedStep, int steps, DeliveryOutcome failure) =>
        new(
            DeliveryOutcomeKind.Uncertain,
            PlatformId(sent),
            null,
            string.Create(CultureInfo.InvariantCulture,
                $"Only part of the post reached Telegram: messages {string.Join(", ", sent.Select(m => m.MessageId))} are published (steps 1–{failedStep} of {steps}); step {failedStep + 1} failed: {failure.Error} Sending the delivery again would repeat the published messages: complete or retract it on the channel."),
            null,
            failure.HttpStatus);

    private static string PlatformId(IEnumerable<SentMessage> messages)
    {
        var list = messages.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{list[0].ChatId}:{string.Join(',', list.Select(m => m.MessageId))}");
    }

    private static string? Url(SentMessage message, string chat)
    {
        if (message.Username is { Length: > 0 } username)
        {
            return string.Create(CultureInfo.InvariantCulture, $"https://t.me/{username}/{message.MessageId}");
        }

        if (chat.StartsWith('@'))
        {
            return string.Create(CultureInfo.InvariantCulture, $"https://t.me/{chat[1..]}/{message.MessageId}");
        }

        var id = message.ChatId.ToString(CultureInfo.InvariantCulture);
        return id.StartsWith("-100", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"https://t.me/c/{id[4..]}/{message.MessageId}")
            : null;
    }

    /// <summary>The message id in <c>chat_id:message_id</c> (the first of <c>chat_id:id1,id2</c>), or null.</summary>
    private static long? ReplyToMessageId(string? platformId)
    {
        if (string.IsNullOrWhiteSpace(platformId))
        {
            return null;
        }

        var ids = platformId[(platformId.LastIndexOf(':') + 1)..].Split(',')[0];
        return long.TryParse(ids, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private sealed record SentMessage(long ChatId, long MessageId, string? Username)
    {
        public static SentMessage From(JsonElement message)
        {
            var chat = message.TryGetProperty("chat", out var c) ? c : default;
            return new SentMessage(
                chat.ValueKind == JsonValueKind.Object && chat.TryGetProperty("id", out var chatId) ? chatId.GetInt64() : 0,
                message.TryGetProperty("message_id", out var id) ? id.GetInt64() : 0,
                chat.ValueKind == JsonValueKind.Object ? PlatformHttp.Member(chat, "username") : null);
        }
    }
}
