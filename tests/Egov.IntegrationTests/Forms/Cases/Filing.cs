using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>Files real applications (a seeded form's own example data and a PDF per required slot) and drives cases.</summary>
internal static class Filing
{
    /// <summary>
    /// Files the form's example <paramref name="example"/> as the client's user, a PDF per required slot named
    /// <paramref name="fileName"/> of the slot (<c>{slot}.pdf</c> by default); returns the application id and reference number.
    /// </summary>
    public static async Task<(Guid Id, string Reference)> FileAsync(HttpClient citizen, string form = "bewohnerparkausweis", int example = 0, Func<string, string>? fileName = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await DraftReadyToSubmitAsync(citizen, form, example, fileName);
        var submitted = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null, ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(ct));
        return (id, (await submitted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("referenceNumber").GetString()!);
    }

    /// <summary>
    /// A draft of the form's example <paramref name="example"/> with a PDF in every required slot, named
    /// <paramref name="fileName"/> of the slot (<c>{slot}.pdf</c> by default): ready to submit.
    /// </summary>
    public static async Task<Guid> DraftReadyToSubmitAsync(HttpClient citizen, string form = "bewohnerparkausweis", int example = 0, Func<string, string>? fileName = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{form}", ct);
        var data = JsonNode.Parse(definition.GetProperty("definition").GetProperty("schema").GetProperty("examples")[example].GetRawText());
        var created = await citizen.PostAsJsonAsync("/api/v1/applications", new { form }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        (await citizen.PutAsJsonAsync($"/api/v1/applications/{id}", new { data }, ct)).EnsureSuccessStatusCode();
        foreach (var slot in definition.GetProperty("definition").GetProperty("attachmentSlots").EnumerateArray().Where(s => s.GetProperty("required").GetBoolean()))
        {
            var name = slot.GetProperty("name").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await ApplicationsTests.UploadAsync(citizen, id, name, (fileName?.Invoke(name) ?? $"{name}.pdf", ApplicationsTests.MinimalPdf))).StatusCode);
        }

        return id;
    }

    public static async Task<(JsonElement Body, string ETag)> GetCaseAsync(HttpClient staff, Guid id)
    {
        var response = await staff.GetAsync($"/api/v1/cases/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken), response.Headers.ETag!.ToString());
    }

    /// <summary>POSTs JSON to a case endpoint with <c>If-Match</c> (none when <paramref name="etag"/> is null).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient staff, string path, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await staff.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads the case and applies one transition with its current ETag; asserts success.</summary>
    public static async Task<JsonElement> TransitionAsync(HttpClient staff, Guid id, string to, string? reason = null)
    {
        var (_, etag) = await GetCaseAsync(staff, id);
        var response = await PostAsync(staff, $"/api/v1/cases/{id}/transitions", new { to, reason }, etag);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    public static MultipartFormDataContent Answer(string message, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(message), "message" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", name);
        }

        return content;
    }
}
