using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Egov.IntegrationTests.Robustness;

/// <summary>One operation of the OpenAPI document: method, path template, parameters and request body.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<JsonElement> Parameters, JsonElement? RequestBody)
{
    /// <summary>Every operation of an OpenAPI 3.x document.</summary>
    public static IReadOnlyList<ApiOperation> All(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? common.EnumerateArray().ToList() : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var own) ? [.. shared, .. own.EnumerateArray()] : shared;
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters,
                    method.Value.TryGetProperty("requestBody", out var body) ? body : null));
            }
        }

        return operations;
    }
}

/// <summary>A request as it goes on the wire; <see cref="Url"/> is already percent-encoded.</summary>
internal sealed record FuzzRequest(string Method, string Url, string? User, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType)
{
    public string Describe()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {Trim(Url, 300)} as {User ?? "anonymous"} [{ContentType ?? "no content type"}; {string.Join("; ", Headers.Select(h => $"{h.Name}: {Trim(h.Value, 60)}"))}] body: {body}";
    }

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length] + $"…({text.Length})";
}

/// <summary>
/// Ids, keys and ETags seen in successful answers, so that generated requests reach real resources
/// (a random GUID only ever finds the 404 branch).
/// </summary>
internal sealed class ResourcePool
{
    private readonly List<string> _ids = [];
    private readonly List<string> _keys = [];
    private readonly List<string> _etags = [];

    public void AddId(Guid id) => Add(_ids, id.ToString());

    public void Harvest(JsonElement element, string? etag)
    {
        if (etag is not null)
        {
            Add(_etags, etag);
        }

        Walk(element, null, 0);
    }

    public string? Id(Random random) => Pick(_ids, random);

    public string? Key(Random random) => Pick(_keys, random);

    public string? ETag(Random random) => Pick(_etags, random);

    private void Walk(JsonElement element, string? name, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray().Take(20))
                {
                    Walk(item, name, depth + 1);
                }

                break;
            case JsonValueKind.String when name is not null:
                var value = element.GetString()!;
                if (Guid.TryParse(value, out _) && name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
                {
                    Add(_ids, value);
                }
                else if (name is "key" or "slug" or "formKey" or "topic" && value.Length < 100)
                {
                    Add(_keys, value);
                }

                break;
            case JsonValueKind.Number when name is "version" or "revision":
                Add(_etags, $"\"{element.GetRawText()}\"");
                break;
        }
    }

    private static void Add(List<string> list, string value)
    {
        if (list.Count < 400 && !list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    private static string? Pick(List<string> list, Random random) => list.Count == 0 ? null : list[random.Next(list.Count)];
}

/// <summary>
/// Makes requests for an operation from its OpenAPI parameters and request-body schema: mostly
/// plausible values (so that validation passes and the handlers and the database are reached), each
/// value replaced by a hostile one at a fixed rate, and now and then a wholly malformed body,
/// content type or header. Deterministic for a given <see cref="Random"/> seed and pool.
/// </summary>
internal sealed partial class OpenApiRequestGenerator(JsonElement document, Random random, ResourcePool pool)
{
    private const double Hostility = 0.12;

    private static readonly string?[] Users = [null, "erika", "max", "caseworker", "caseworker2", "editor", "approver", "crisis", "admin"];

    /// <summary>The day generated dates are around: the run's date at midnight UTC, so one seed gives the same requests all day.</summary>
    private static readonly DateTimeOffset Today = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    private static readonly string[] Words = ["Sperrmüll", "Müller", "Straße", "Test", "x", "Bürgerbüro", "2026", "Hund", "de", "en"];

    private readonly JsonElement _schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;

    public FuzzRequest Next(ApiOperation operation)
    {
        var user = Chance(0.5) ? FittingUser(operation.Path) : Users[random.Next(Users.Length)];
        var headers = new List<(string, string)> { ("Accept", Chance(0.7) ? "application/json" : Pick(HostileValues.Accepts)) };
        var path = PathParameter().Replace(operation.Path, m => PathValue(operation, m.Groups[1].Value));
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.TryGetProperty("schema", out var sc) ? Resolve(sc) : default;
            switch (parameter.GetProperty("in").GetString())
            {
                case "query" when Chance(0.6):
                    query.Add($"{Uri.EscapeDataString(name)}={EncodedValue(schema)}");
                    break;
                case "header" when Chance(0.6):
                    headers.Add((name, HeaderValue(name)));
                    break;
            }
        }

        if (Chance(0.05))
        {
            query.Add($"{Pick(HostileValues.Encoded)}={Pick(HostileValues.Encoded)}");
        }

        if (Chance(0.05))
        {
            headers.Add(Chance(0.5) ? ("If-Match", HeaderValue("If-Match")) : ("Idempotency-Key", HeaderValue("Idempotency-Key")));
        }

        var url = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        var (body, contentType) = Body(operation);
        return new FuzzRequest(operation.Method, url, user, headers, body, contentType);
    }

    private static string? FittingUser(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/applications", StringComparison.Ordinal) || path.StartsWith("/api/v1/me", StringComparison.Ordinal) => "erika",
        _ when path.StartsWith("/api/v1/cases", StringComparison.Ordinal) => "caseworker",
        _ when path.StartsWith("/api/v1/alerts", StringComparison.Ordinal) => "crisis",
        _ when path.StartsWith("/api/v1/announcements", StringComparison.Ordinal) => "editor",
        _ when path.Contains("/channels", StringComparison.Ordinal) || path.StartsWith("/api/v1/forms", StringComparison.Ordinal) => "admin",
        _ when path.StartsWith("/api/v1/outreach", StringComparison.Ordinal) => "editor",
        _ => null,
    };

    private string PathValue(ApiOperation operation, string name)
    {
        var parameter = operation.Parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == name);
        var schema = parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("schema", out var s) ? Resolve(s) : default;
        if (Chance(Hostility))
        {
            var hostile = Pick(HostileValues.Encoded);
            return hostile.Length == 0 ? "%20" : hostile;
        }

        return Type(schema) switch
        {
            "integer" => Chance(0.7) ? "1" : random.Next(-5, 100).ToString(CultureInfo.InvariantCulture),
            _ when Format(schema) == "uuid" || name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && !name.Contains("Or", StringComparison.Ordinal) =>
                (Chance(0.8) ? pool.Id(random) : null) ?? RandomGuid(),
            _ => Uri.EscapeDataString((Chance(0.5) ? pool.Key(random) : null) ?? (Chance(0.5) ? pool.Id(random) : null) ?? Pick(Words)),
        };
    }

    private string EncodedValue(JsonElement schema)
    {
        if (Chance(Hostility * 2))
        {
            return Pick(HostileValues.Encoded);
        }

        var value = Scalar(schema);
        return value is null ? "" : Uri.EscapeDataString(value);
    }

    /// <summary>A plausible scalar for a query value, or null for an empty one.</summary>
    private string? Scalar(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            var value = values[random.Next(values.GetArrayLength())];
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        return (Type(schema), Format(schema)) switch
        {
            ("integer", _) => random.Next(0, 60).ToString(CultureInfo.InvariantCulture),
            ("number", _) => (random.NextDouble() * 100).ToString(CultureInfo.InvariantCulture),
            ("boolean", _) => Chance(0.5) ? "true" : "false",
            (_, "uuid") => pool.Id(random) ?? RandomGuid(),
            (_, "date-time") => Today.AddDays(random.Next(-400, 400)).AddMinutes(random.Next(0, 1440)).ToOffset(TimeSpan.FromHours(random.Next(-12, 15))).ToString("O", CultureInfo.InvariantCulture),
            (_, "date") => DateOnly.FromDateTime(Today.UtcDateTime.AddDays(random.Next(-400, 400))).ToString("O", CultureInfo.InvariantCulture),
            _ => Chance(0.3) ? pool.Key(random) ?? Pick(Words) : Pick(Words),
        };
    }

    private string HeaderValue(string name) => name switch
    {
        _ when name.Equals("If-Match", StringComparison.OrdinalIgnoreCase) =>
            Chance(0.5) ? pool.ETag(random) ?? "\"1\"" : Pick(HostileValues.IfMatches),
        _ when name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase) =>
            Chance(0.5) ? RandomGuid() : Pick(HostileValues.IdempotencyKeys),
        _ => Chance(0.5) ? "x" : Pick(HostileValues.IfMatches),
    };

    private (byte[]? Body, string? ContentType) Body(ApiOperation operation)
    {
        if (operation.RequestBody is not { } requestBody || !requestBody.TryGetProperty("content", out var content))
        {
            // No declared body (some endpoints read it themselves: alert import, answers, uploads): send one now and then.
            return Chance(0.3) ? (Encoding.UTF8.GetBytes(Pick(HostileValues.JsonBodies.Concat(HostileValues.JsonOthers).ToArray())), Chance(0.7) ? "application/json" : PickContentType()) : (null, null);
        }

        var media = content.EnumerateObject().ToList();
        var chosen = media[random.Next(media.Count)];
        if (chosen.Name.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return Multipart();
        }

        var json = new StringBuilder();
        Json(json, chosen.Value.TryGetProperty("schema", out var schema) ? schema : default, 0);
        var text = json.ToString();
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.06 => (Encoding.UTF8.GetBytes(Pick(HostileValues.JsonBodies)), "application/json"),
            < 0.09 => (Encoding.UTF8.GetBytes(text[..random.Next(text.Length + 1)]), "application/json"),
            < 0.11 => ([.. Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), 0xFF, 0xFE, 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(text[(text.Length / 2)..])], "application/json"),
            < 0.13 => (Encoding.Unicode.GetBytes(text), Chance(0.5) ? "application/json" : "application/json; charset=utf-16"),
            < 0.17 => (Encoding.UTF8.GetBytes(text), PickContentType()),
            _ => (Encoding.UTF8.GetBytes(text), chosen.Name),
        };
    }

    private (byte[] Body, string ContentType) Multipart()
    {
        const string boundary = "fuzz-boundary-7MA4YWxk";
        var body = new StringBuilder();
        foreach (var (name, value) in new[] { ("slot", Pick(["nachweis", "foto", "", "%00", "x\0y"])), ("message", Chance(0.5) ? Pick(Words) : Pick(["a\0b", "\u202Egnp.exe", "\u001b[31m", "", new string('m', 6000)])) }.Where(_ => Chance(0.7)))
        {
            body.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        var fileName = Pick(["a.pdf", "Fahrzeugschein\u202Egnp.exe", "../../x.pdf", "", "x\0.pdf", new string('n', 300) + ".png"]);
        var bytes = Pick(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "\u0089PNG\r\n\u001a\n", "garbage", ""]);
        body.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n{bytes}\r\n");
        if (!Chance(0.1))
        {
            body.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        }

        return (Encoding.UTF8.GetBytes(body.ToString()), Chance(0.9) ? $"multipart/form-data; boundary={boundary}" : "multipart/form-data");
    }

    private void Json(StringBuilder json, JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (Chance(Hostility))
        {
            json.Append(Chance(0.6) ? Pick(HostileValues.JsonStrings) : Pick(HostileValues.JsonOthers));
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object || depth > 8)
        {
            json.Append(depth > 8 ? "null" : "{\"a\":\"b\"}");
            return;
        }

        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.GetArrayLength() > 0)
            {
                var options = choices.EnumerateArray().Select(Resolve).Where(o => Type(o) != "null").ToList();
                Json(json, options.Count == 0 ? choices[0] : options[random.Next(options.Count)], depth + 1);
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            json.Append(values[random.Next(values.GetArrayLength())].GetRawText());
            return;
        }

        switch (Type(schema))
        {
            case "object":
                Object(json, schema, depth);
                break;
            case "array":
                json.Append('[');
                var count = random.Next(0, 4);
                for (var i = 0; i < count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    Json(json, schema.TryGetProperty("items", out var items) ? items : default, depth + 1);
                }

                json.Append(']');
                break;
            case "integer":
                json.Append(Pick(["0", "1", "2", "5", "30", "100", "-1", "2147483647"]));
                break;
            case "number":
                json.Append(Pick(["0", "1.5", "47.3", "-3", "1000000"]));
                break;
            case "boolean":
                json.Append(Chance(0.5) ? "true" : "false");
                break;
            case "null":
                json.Append("null");
                break;
            default:
                json.Append(JsonSerializer.Serialize(Scalar(schema) ?? ""));
                break;
        }
    }

    private void Object(StringBuilder json, JsonElement schema, int depth)
    {
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal) : [];
        var members = new List<string>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject().Where(p => Chance(required.Contains(p.Name) ? 0.95 : 0.7)))
            {
                var value = new StringBuilder();
                Json(value, property.Value, depth + 1);
                members.Add($"{JsonSerializer.Serialize(property.Name)}:{value}");
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                var value = new StringBuilder();
                Json(value, additional, depth + 1);
                members.Add($"{JsonSerializer.Serialize(Pick(Words) + i)}:{value}");
            }
        }
        else
        {
            // Free-form data (a draft's form data): a few plausible members.
            members.Add($"\"name\":\"{Pick(Words)}\"");
            members.Add($"\"count\":{random.Next(0, 10)}");
        }

        if (Chance(Hostility / 2))
        {
            members.Add($"{Pick(HostileValues.JsonStrings)}:{Pick(HostileValues.JsonOthers)}");
        }

        json.Append('{').AppendJoin(',', members).Append('}');
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (_schemas.ValueKind != JsonValueKind.Object || !_schemas.TryGetProperty(name, out schema))
            {
                return default;
            }
        }

        return schema;
    }

    private string? Type(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }

            var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
            return types.Count == 0 ? "null" : Chance(0.05) ? "null" : types[random.Next(types.Count)];
        }

        return schema.TryGetProperty("properties", out _) ? "object" : null;
    }

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private string? PickContentType() => HostileValues.ContentTypes[random.Next(HostileValues.ContentTypes.Length)];

    /// <summary>A GUID from the seeded generator, so that a run can be repeated exactly.</summary>
    private string RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    [GeneratedRegex(@"\{([^}:]+)(?::[^}]*)?\}")]
    private static partial Regex PathParameter();
}
