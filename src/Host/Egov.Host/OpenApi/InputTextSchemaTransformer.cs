using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Egov.Host.OpenApi;

/// <summary>
/// Gives strings their schema back: System.Text.Json describes a type with a custom converter as
/// "anything" (<c>{}</c>), and every string is read by <see cref="Input.InputTextJsonConverter"/>.
/// A string is <c>"type": "string"</c>, or <c>["null", "string"]</c> where the member is nullable.
/// </summary>
internal sealed class InputTextSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            var nullable = context.JsonPropertyInfo is { IsSetNullable: true } || context.ParameterDescription is { ParameterDescriptor: var p } && IsNullable(p);
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter) =>
        parameter is Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor { ParameterInfo: var info }
        && new System.Reflection.NullabilityInfoContext().Create(info).WriteState == System.Reflection.NullabilityState.Nullable;
}
