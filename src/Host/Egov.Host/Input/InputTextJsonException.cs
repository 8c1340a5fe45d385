using System.Text.Json;

namespace Egov.Host.Input;

/// <summary>
/// A JSON string or member name that <see cref="Egov.SharedKernel.Text.InputText"/> refuses. Thrown
/// during binding, so System.Text.Json adds the path of the member, and the exception handler answers
/// 400 naming that field with this message.
/// </summary>
internal sealed class InputTextJsonException(string message) : JsonException(message);
