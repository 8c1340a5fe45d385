using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Egov.Host.ErrorHandling;

/// <summary>
/// Names the route or query value that made an endpoint answer an empty <c>400</c>. The endpoints'
/// binding code is generated at compile time (ADR 0031); for an optional value type
/// (<c>int? limit</c>, <c>DateOnly? from</c>, <c>bool? open</c>, …) that does not parse, the
/// generated code of ASP.NET Core 10 sets <c>400</c> without throwing the
/// <see cref="BadHttpRequestException"/> that <c>RouteHandlerOptions.ThrowOnBadRequest</c> asks for,
/// so the exception handler never learns which field it was. This reads the endpoint's
/// <see cref="IParameterBindingMetadata"/> and parses each parsable parameter's value again, with
/// the same rule as the binding (<see cref="IParsable{TSelf}"/> with the invariant culture, enums
/// by name or number; an empty value counts as absent).
/// </summary>
internal static class UnparsableParameter
{
    private static readonly MethodInfo TryParseParsableMethod =
        typeof(UnparsableParameter).GetMethod(nameof(TryParseParsable), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The first parsable route or query parameter whose value does not parse, or null.</summary>
    /// <returns>The parameter's name as the client sends it, its type as C# writes it, and the value.</returns>
    public static (string Name, string TypeName, string Value)? Find(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (!parameter.HasTryParse)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            var value = http.Request.RouteValues.TryGetValue(parameter.Name, out var routeValue) && routeValue is string fromRoute
                ? fromRoute
                : (string?)http.Request.Query[parameter.Name];
            if (!string.IsNullOrEmpty(value) && !Parses(type, value))
            {
                var typeName = type == parameter.ParameterInfo.ParameterType ? type.Name : $"{type.Name}?";
                return (parameter.Name, typeName, value);
            }
        }

        return null;
    }

    private static bool TryParseParsable<T>(string value)
        where T : IParsable<T> =>
        T.TryParse(value, CultureInfo.InvariantCulture, out _);

    private static bool Parses(Type type, string value)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: false, out _);
        }

        if (type == typeof(string))
        {
            return true;
        }

        if (Array.Exists(type.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GenericTypeArguments[0] == type))
        {
            // IParsable<T>, implemented explicitly by some (bool): called through the interface.
            return (bool)TryParseParsableMethod.MakeGenericMethod(type).Invoke(null, [value])!;
        }

        // A type of its own with BindAsync or an unusual TryParse: not ours to judge.
        return true;
    }
}
