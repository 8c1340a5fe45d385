using Egov.Modules.Announcements.Domain;
using Egov.Modules.Announcements.Engines.Cap;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Announcements.Features.Templates;

/// <summary>
/// Checks a template as written and turns it into <see cref="AlertTemplateContent"/>; every problem is reported at once,
/// keyed by its JSON path (<c>variants[0].title</c>, <c>alert.severity</c>, <c>alert.geocodes</c>).
/// </summary>
internal static class AlertTemplateValidator
{
    private const int MaxText = 5000;

    /// <exception cref="RequestValidationException">Anything missing, too long, not a CAP value, or an unknown placeholder.</exception>
    public static (string Name, AlertTemplateContent Content) Validate(AlertTemplateInput? input)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        string Text(string? value, string field, int max, bool required = true)
        {
            var text = value?.Trim() ?? "";
            if (required && text.Length == 0)
            {
                Add(field, "Required.");
            }
            else if (text.Length > max)
            {
                Add(field, $"At most {max} characters (this has {text.Length}).");
            }
            else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                Add(field, "Contains control characters.");
            }

            foreach (var unknown in TemplatePlaceholders.In(text).Where(p => !TemplatePlaceholders.Known.Contains(p)))
            {
                Add(field, $"Unknown placeholder {{{unknown}}}; a template may use {string.Join(", ", TemplatePlaceholders.Known.Select(k => "{" + k + "}"))}.");
            }

            return text;
        }

        string CapValue<TEnum>(string? value, string field)
            where TEnum : struct, Enum
        {
            if (value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
            {
                return value;
            }

            Add(field, $"{(value is null ? "Required" : $"'{value}' is not a CAP 1.2 value")}; use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return "";
        }

        if (input is null)
        {
            throw new RequestValidationException("body", "Send the template as a JSON object with name, variants, channels and alert.");
        }

        var name = Text(input.Name, "name", 200);
        var variants = new List<AlertTemplateVariant>();
        var inputVariants = input.Variants ?? [];
        for (var i = 0; i < inputVariants.Count; i++)
        {
            var path = $"variants[{i}]";
            if (inputVariants[i] is not { } v)
            {
                Add(path, "A variant is an object with language, title, text and instruction.");
                continue;
            }

            if (v.Language is null || !AnnouncementLanguages.All.Contains(v.Language))
            {
                Add(path + ".language", $"Use one of: {string.Join(", ", AnnouncementLanguages.All)}.");
            }
            else if (variants.Any(x => x.Language == v.Language))
            {
                Add(path + ".language", $"The language {v.Language} is given twice.");
            }

            variants.Add(new AlertTemplateVariant(v.Language ?? "", Text(v.Title, path + ".title", 200), Text(v.Text, path + ".text", MaxText), Text(v.Instruction, path + ".instruction", MaxText)));
        }

        if (!variants.Any(v => v.Language == AnnouncementLanguages.German))
        {
            Add("variants", "A German variant (language 'de') is required.");
        }

        var channels = new List<AlertTemplateChannel>();
        var inputChannels = input.Channels ?? [];
        if (inputChannels.Count > 20)
        {
            Add("channels", "At most 20 channels.");
        }

        for (var i = 0; i < inputChannels.Count && i < 20; i++)
        {
            var path = $"channels[{i}]";
            if (inputChannels[i] is not { } c)
            {
                Add(path, "A channel is an object with name and kind.");
                continue;
            }

            channels.Add(new AlertTemplateChannel(Text(c.Name, path + ".name", 100), Text(c.Kind, path + ".kind", 50)));
        }

        var alert = input.Alert;
        if (alert is null)
        {
            Add("alert", "The CAP fields (event, category, urgency, severity, certainty, responseType, areaDescription, geocodes, validHours) are required.");
            alert = new AlertTemplateCapInput(null, null, null, null, null, null, null, null, null);
        }

        var geocodes = new List<AlertGeocode>();
        var inputGeocodes = alert.Geocodes ?? [];
        if (inputGeocodes.Count is 0 or > 20)
        {
            Add("alert.geocodes", "Between 1 and 20 geocodes, e.g. {\"valueName\": \"ARS\", \"value\": \"059620032032\"} (CAP 1.2 §3.2.4).");
        }

        for (var i = 0; i < inputGeocodes.Count && i < 20; i++)
        {
            var path = $"alert.geocodes[{i}]";
            if (inputGeocodes[i] is not { } g)
            {
                Add(path, "A geocode is an object with valueName and value.");
                continue;
            }

            geocodes.Add(new AlertGeocode(Text(g.ValueName, path + ".valueName", 50), Text(g.Value, path + ".value", 100)));
        }

        if (alert.ValidHours is not (>= 1 and <= 168))
        {
            Add("alert.validHours", "How long an issued alert is in force: 1 to 168 hours.");
        }

        var cap = new AlertTemplateCap(
            Text(alert.Event, "alert.event", 200),
            CapValue<CapCategory>(alert.Category, "alert.category"),
            CapValue<CapUrgency>(alert.Urgency, "alert.urgency"),
            CapValue<CapSeverity>(alert.Severity, "alert.severity"),
            CapValue<CapCertainty>(alert.Certainty, "alert.certainty"),
            CapValue<CapResponseType>(alert.ResponseType, "alert.responseType"),
            Text(alert.AreaDescription, "alert.areaDescription", 500),
            geocodes,
            alert.ValidHours ?? 0);

        return errors.Count > 0
            ? throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
            : (name, new AlertTemplateContent([.. variants.OrderBy(v => AnnouncementLanguages.All.ToList().IndexOf(v.Language))], channels, cap));
    }
}
