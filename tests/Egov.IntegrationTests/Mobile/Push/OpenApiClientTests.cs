using System.Runtime.Loader;
using System.Text.Json;
using Egov.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Egov.IntegrationTests.Mobile.Push;

/// <summary>
/// The OpenAPI document is complete enough for the app's developers: a C# client generated from it
/// (NSwag, as a mobile team would) compiles, and the device and push operations carry a summary,
/// their success responses and their problem responses.
/// </summary>
public sealed class OpenApiClientTests(EgovApplicationFactory factory) : IClassFixture<EgovApplicationFactory>
{
    [Fact]
    public async Task OpenApiDocument_GeneratesACSharpClient_ThatCompiles()
    {
        using var http = factory.CreateClient();
        var json = await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = await OpenApiDocument.FromJsonAsync(json, TestContext.Current.CancellationToken);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "EgovClient",
            GenerateClientInterfaces = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "Egov.Generated", JsonLibrary = CSharpJsonLibrary.SystemTextJson },
        };

        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var compilation = CSharpCompilation.Create(
            "Egov.Generated",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: TestContext.Current.CancellationToken)],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly, cancellationToken: TestContext.Current.CancellationToken);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(20).ToList();
        Assert.True(result.Success, "The generated client does not compile:\n" + string.Join('\n', errors));

        var client = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            assembly.Position = 0;
            var methods = client.LoadFromStream(assembly).GetType("Egov.Generated.EgovClient")!.GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            Assert.Superset(
                new HashSet<string>(["RegisterDeviceAsync", "GetDeviceAsync", "UnregisterDeviceAsync", "GetDeviceTopicsAsync", "ReplaceDeviceTopicsAsync",
                    "SubscribeDeviceTopicAsync", "UnsubscribeDeviceTopicAsync", "GetVapidPublicKeyAsync", "ListPushTopicsAsync"], StringComparer.Ordinal),
                methods);
        }
        finally
        {
            client.Unload();
        }
    }

    [Fact]
    public async Task DeviceAndPushOperations_HaveSummaryResponsesAndProblemTypes()
    {
        using var http = factory.CreateClient();
        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/devices", StringComparison.Ordinal) || p.Name.StartsWith("/api/v1/push", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();

        Assert.Equal(9, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{name} has no summary");
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
            Assert.True(responses.Keys.Any(k => k.StartsWith('2')), $"{name} documents no success response");
            foreach (var problem in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {problem.Key} is not documented as a problem");
            }

            if (path != "/api/v1/push/vapid-public-key" && path != "/api/v1/push/topics")
            {
                Assert.True(responses.ContainsKey("403"), $"{name} does not document 403 (device secret)");
            }
        }

        var register = operations.Single(o => o.Path == "/api/v1/devices" && o.Method == "post").Operation;
        Assert.Contains(register.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.All(["201", "400", "409", "429"], code => Assert.True(register.GetProperty("responses").TryGetProperty(code, out _), $"POST /api/v1/devices does not document {code}"));
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
}
