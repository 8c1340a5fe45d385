using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Egov.Testing.Fakes;

/// <summary>
/// A Telegram Bot API server on 127.0.0.1 (set <c>Egov:Outreach:Telegram:ApiBaseAddress</c> to
/// <see cref="FakePlatformServer.BaseAddress"/>): <c>POST /bot{token}/sendMessage</c>, <c>sendPhoto</c> and
/// <c>sendMediaGroup</c> with JSON, form or multipart parameters. It refuses what Telegram refuses with
/// <c>parse_mode=HTML</c> — a <c>&lt;</c> or a bare <c>&amp;</c> that is not an entity (the sender did not escape), a
/// text over 4096 or a caption over 1024 characters after entity parsing — and stores each message with its text
/// decoded back to plain text, per chat (any <c>@name</c> or <c>-100…</c> chat exists). Faults are consumed in
/// order, one per send request.
/// </summary>
public sealed partial class FakeTelegram : FakePlatformServer
{
    private readonly ConcurrentQueue<FakeTelegramMessage> _messages = new();
    private readonly ConcurrentQueue<TelegramFault?> _faults = new();
    private readonly ConcurrentDictionary<string, long> _chatIds = new(StringComparer.Ordinal);
    private long _nextMessageId;
    private long _nextChat;

    /// <summary>Every message stored, in order (a media group is one message per photo).</summary>
    public IReadOnlyList<FakeTelegramMessage> Messages => [.. _messages];

    /// <summary>The messages in one chat, as addressed (<c>@name</c> or the numeric id).</summary>
    public IReadOnlyList<FakeTelegramMessage> MessagesIn(string chat) => [.. _messages.Where(message => message.Chat == chat)];

    /// <summary>The next send request is answered normally (to let a fault hit a later one).</summary>
    public void PassOnce() => _faults.Enqueue(null);

    /// <summary>The next send request is refused with 429 and <c>parameters.retry_after</c>; nothing stored.</summary>
    public void RateLimitOnce(int retryAfterSeconds) =>
        _faults.Enqueue(new TelegramFault(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds, null));

    /// <summary>The next send request is refused with <paramref name="errorCode"/> (default 400) and <paramref name="description"/>; nothing stored.</summary>
    public void RefuseOnce(string description, int errorCode = 400) => _faults.Enqueue(new TelegramFault(errorCode, description, null, null));

    /// <summary>The next send request is stored, and answered only after <paramref name="delay"/> (the sender times out first).</summary>
    public void StoreThenDelayOnce(TimeSpan delay) => _faults.Enqueue(new TelegramFault(null, null, null, delay));

    /// <summary>The next send request is stored, then answered with <paramref name="statusCode"/> (a 5xx after accepting).</summary>
    public void StoreThenAnswerOnce(int statusCode) => _faults.Enqueue(new TelegramFault(statusCode, "Internal Server Error", null, TimeSpan.Zero));

    protected override void Map(WebApplication app) => app.MapPost("/bot{token}/{method}", SendAsync);

    private async Task<IResult> SendAsync(string token, string method, HttpRequest request)
    {
        if (!BotToken().IsMatch(token))
        {
            return Answer(401, "Unauthorized");
        }

        if (method is not ("sendMessage" or "sendPhoto" or "sendMediaGroup"))
        {
            return Answer(404, "Not Found: method not found");
        }

        _faults.TryDequeue(out var fault);
        if (fault is { StoreThenDelay: null, ErrorCode: { } code })
        {
            return Answer(code, fault.Description!, fault.RetryAfter);
        }

        var parameters = await ParametersAsync(request);
        if (!parameters.TryGetValue("chat_id", out var chat) || chat.Length == 0)
        {
            return Answer(400, "Bad Request: chat not found");
        }

        var replyTo = parameters.TryGetValue("reply_parameters", out var reply) ? JsonDocument.Parse(reply).RootElement.GetProperty("message_id").GetInt64() : (long?)null;
        var stored = new List<FakeTelegramMessage>();
        if (method == "sendMediaGroup")
        {
            var items = JsonDocument.Parse(parameters["media"]).RootElement.EnumerateArray().ToList();
            if (items.Count is < 2 or > 10)
            {
                return Answer(400, "Bad Request: wrong number of media in the album");
            }

            for (var index = 0; index < items.Count; index++)
            {
                var caption = items[index].TryGetProperty("caption", out var c) ? c.GetString() : null;
                var parseMode = items[index].TryGetProperty("parse_mode", out var p) ? p.GetString() : null;
                if (Parse(caption, parseMode, 1024, "message caption is too long") is { } refusal)
                {
                    return refusal;
                }

                stored.Add(Message(token, chat, method, caption, parseMode, index == 0 ? replyTo : null, photos: 1));
            }
        }
        else
        {
            var (html, limit, tooLong) = method == "sendMessage"
                ? (parameters.GetValueOrDefault("text"), 4096, "message is too long")
                : (parameters.GetValueOrDefault("caption"), 1024, "message caption is too long");
            if (method == "sendMessage" && string.IsNullOrEmpty(html))
            {
                return Answer(400, "Bad Request: message text is empty");
            }

            var parseMode = parameters.GetValueOrDefault("parse_mode");
            if (Parse(html, parseMode, limit, tooLong) is { } refusal)
            {
                return refusal;
            }

            stored.Add(Message(token, chat, method, html, parseMode, replyTo, photos: method == "sendPhoto" ? 1 : 0));
        }

        foreach (var message in stored)
        {
            _messages.Enqueue(message);
        }

        if (fault?.StoreThenDelay is { } delay)
        {
            if (fault.ErrorCode is { } afterwards)
            {
                return Answer(afterwards, fault.Description!);
            }

            await Task.Delay(delay, request.HttpContext.RequestAborted);
        }

        var results = stored.Select(Result).ToList();
        return Results.Json(new { ok = true, result = method == "sendMediaGroup" ? (object)results : results[0] });
    }

    private FakeTelegramMessage Message(string token, string chat, string method, string? html, string? parseMode, long? replyTo, int photos)
    {
        var chatId = chat.StartsWith('@') ? _chatIds.GetOrAdd(chat, _ => -1_001_000_000_000 - Interlocked.Increment(ref _nextChat)) : long.Parse(chat, CultureInfo.InvariantCulture);
        var text = html is null ? null : parseMode == "HTML" ? WebUtility.HtmlDecode(html) : html;
        return new FakeTelegramMessage(token, chat, chatId, Interlocked.Increment(ref _nextMessageId), method, html, text, parseMode, replyTo, photos);
    }

    /// <summary>Telegram's checks of a text or caption: entities must parse, the plain text must fit.</summary>
    private static IResult? Parse(string? html, string? parseMode, int limit, string tooLong)
    {
        if (html is null)
        {
            return null;
        }

        if (parseMode == "HTML")
        {
            if (html.IndexOf('<', StringComparison.Ordinal) is var tag and >= 0)
            {
                return Answer(400, $"Bad Request: can't parse entities: Unsupported start tag at byte offset {tag}");
            }

            if (BareAmpersand().Match(html) is { Success: true } bare)
            {
                return Answer(400, $"Bad Request: can't parse entities: Character '&' is reserved at byte offset {bare.Index}");
            }
        }

        var plain = parseMode == "HTML" ? WebUtility.HtmlDecode(html) : html;
        return plain.EnumerateRunes().Count() > limit ? Answer(400, "Bad Request: " + tooLong) : null;
    }

    private static object Result(FakeTelegramMessage message)
    {
        var chat = new Dictionary<string, object?> { ["id"] = message.ChatId, ["type"] = "channel", ["title"] = message.Chat };
        if (message.Chat.StartsWith('@'))
        {
            chat["username"] = message.Chat[1..];
        }

        var result = new Dictionary<string, object?>
        {
            ["message_id"] = message.MessageId,
            ["chat"] = chat,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        result[message.Photos > 0 ? "caption" : "text"] = message.Text;
        return result;
    }

    private static IResult Answer(int errorCode, string description, int? retryAfter = null) =>
        Results.Json(
            retryAfter is { } seconds
                ? new { ok = false, error_code = errorCode, description, parameters = (object?)new { retry_after = seconds } }
                : new { ok = false, error_code = errorCode, description, parameters = (object?)null },
            statusCode: errorCode);

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotToken();

    [GeneratedRegex("&(?!(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)")]
    private static partial Regex BareAmpersand();

    private sealed record TelegramFault(int? ErrorCode, string? Description, int? RetryAfter, TimeSpan? StoreThenDelay);
}

/// <summary>A message the fake Bot API stored.</summary>
/// <param name="BotToken">The bot that sent it.</param>
/// <param name="Chat">The <c>chat_id</c> as sent (<c>@name</c> or <c>-100…</c>).</param>
/// <param name="ChatId">The numeric chat id answered.</param>
/// <param name="MessageId">Its id (unique across chats in the fake).</param>
/// <param name="Method"><c>sendMessage</c>, <c>sendPhoto</c> or <c>sendMediaGroup</c>.</param>
/// <param name="Html">The <c>text</c> or <c>caption</c> as received.</param>
/// <param name="Text">The same after entity parsing: what readers see, and what counts toward the limits.</param>
/// <param name="ParseMode">The <c>parse_mode</c>.</param>
/// <param name="ReplyToMessageId"><c>reply_parameters.message_id</c>, if any.</param>
/// <param name="Photos">Photos in this message (0 or 1).</param>
public sealed record FakeTelegramMessage(string BotToken, string Chat, long ChatId, long MessageId, string Method, string? Html, string? Text, string? ParseMode, long? ReplyToMessageId, int Photos);
