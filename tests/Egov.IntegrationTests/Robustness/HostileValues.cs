namespace Egov.IntegrationTests.Robustness;

/// <summary>
/// The hostile values the fuzz test mixes into otherwise plausible requests: what the outside test of
/// issue 20 sent, plus the classics (control characters, lone surrogates, bidi overrides, huge and
/// odd numbers, deep nesting, markup, wrong types). JSON values are given as JSON text, query and
/// path values already percent-encoded, so that bytes no .NET string can hold (invalid UTF-8, lone
/// surrogates) reach the server as a client could send them.
/// </summary>
internal static class HostileValues
{
    private static readonly string HugeText = new('x', 100_000);

    /// <summary>JSON string literals (with quotes, escaped as sent on the wire).</summary>
    public static readonly string[] JsonStrings =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"\\udbff\\u0041\"", "\"\\u202egnp.exe\"",
        "\"\\u0007\\u001b[31m\\u007f\"", "\"\"", "\"   \"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
        "\"../../etc/passwd\"", "\"Mu\\u0308ller\"", "\"\\ud83d\\ude00\"", "\"\\u200b\\ufeff\\u2028\"",
        "\"2026-02-30T25:61:00Z\"", "\"9999-12-31T23:59:59+14:00\"", "\"0001-01-01T00:00:00Z\"", "\"2026-03-29T02:30+01:00\"",
        "\"-1\"", "\"NaN\"", "\"00000000-0000-0000-0000-000000000000\"", "\"%00\"", "\"{{7*7}}\"", "\"\\r\\n\\r\\nX: y\"",
        "\"javascript:alert(1)\"", "\"http://[::1]:0/\"", "\"mailto:a@b\"", "\"DE89 3704 0044 0532 0130 00\"",
        "\"" + HugeText + "\"", "\"" + string.Concat(Enumerable.Repeat("\\u0000", 1000)) + "\"",
    ];

    /// <summary>JSON values of every other type, including numbers no .NET type holds and deep nesting.</summary>
    public static readonly string[] JsonOthers =
    [
        "null", "true", "false", "0", "-1", "1e400", "-1e400", "-9223372036854775809", "99999999999999999999999999", "3.14", "-0",
        "[]", "{}", "[null]", "{\"a\":null}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "{\"\\u0000\":1}", "{\"\\ud800\":\"x\"}",
        string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)),
        string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + string.Concat(Enumerable.Repeat("}", 70)),
        "[" + string.Join(',', Enumerable.Repeat("1", 5000)) + "]",
    ];

    /// <summary>Whole bodies that are not the JSON asked for; <c>{json}</c> stands for the generated body.</summary>
    public static readonly string[] JsonBodies =
    [
        "", "null", "[]", "{", "{}", "\"text\"", "42", "{\"a\":1,\"a\":2}", "{\"a\":1}garbage", "\ufeff{}", "{'a':1}", "{\"a\":1,}",
        "/* comment */ {}", "[{}]",
        string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + string.Concat(Enumerable.Repeat("}", 200)),
    ];

    /// <summary>Percent-encoded query and path values.</summary>
    public static readonly string[] Encoded =
    [
        "%00", "a%00b", "%FF%FE", "%ED%A0%80", "%E2%80%AE", "%C0%AF", "%25", "-1", "0", "99999999999999999999", "abc", "",
        "%20", "..%2F..%2F", "%3Cscript%3E", new('x', 5000), "true", "null", "2026-02-30", "1e400", "%F0%9F%98%80", "Mu%CC%88ller",
        "%07%1B", "%E2%80%8B", "2026-03-29T02%3A30%2B01%3A00", "00000000-0000-0000-0000-000000000000", "%7B%7D", "*", "~", ".",
    ];

    /// <summary><c>Accept</c> headers, from the ordinary to the odd.</summary>
    public static readonly string[] Accepts =
    [
        "text/plain", "text/html", "application/xml", "*/*;q=0", "image/png", "application/json;q=0", "garbage", "text/html, application/json;q=0.1",
        "application/cap+xml", "text/calendar", "application/pdf", "application/problem+json", "*/*",
    ];

    /// <summary>Request content types, including none and wrong charsets.</summary>
    public static readonly string?[] ContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
        "application/json; charset=utf-16", "application/json; charset=bogus", "garbage", "application/merge-patch+json",
    ];

    /// <summary><c>If-Match</c> values that are no current ETag.</summary>
    public static readonly string[] IfMatches =
    [
        "\"1\"", "*", "W/\"1\"", "\"", "garbage", "\"99999999999999999999\"", "\"-1\"", "\"\"", "\"abc\", \"def\"", "W/", "\"0\"", "  ",
    ];

    /// <summary><c>Idempotency-Key</c> values (ASCII only: HTTP clients refuse to send others).</summary>
    public static readonly string[] IdempotencyKeys =
    [
        "", " ", "a", new('k', 10_000), "%00", "../../x", "key with spaces", "\"quoted\"", "00000000-0000-0000-0000-000000000000",
    ];
}
