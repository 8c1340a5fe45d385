using Egov.Modules.Mobile.Domain.Devices;
using FluentValidation;

namespace Egov.Modules.Mobile.Features.Devices;

/// <summary>The checks of topic lists, shared by registration and the topic endpoints.</summary>
internal static class TopicRules
{
    /// <summary>Most topics one device may have.</summary>
    public const int MaxTopics = 100;

    /// <summary>Why <paramref name="topic"/> cannot be subscribed to, or null when it can.</summary>
    public static async Task<string?> ProblemAsync(string? topic, TopicCatalog catalog, CancellationToken cancellationToken)
    {
        if (!DeviceTopic.TryParse(topic, out var parsed))
        {
            return $"'{topic}' is not a topic. Topics are alerts:minor, alerts:moderate, alerts:severe, alerts:extreme, category:{{code}} and region:{{12-digit regional key}}; GET /api/v1/push/topics lists them.";
        }

        if (parsed.Kind == DeviceTopicKind.Category)
        {
            var categories = await catalog.CategoriesAsync(cancellationToken);
            if (!categories.ContainsKey(parsed.Value))
            {
                return $"There is no announcement category '{parsed.Value}'. Known: {string.Join(", ", categories.Keys)}.";
            }
        }

        return null;
    }

    /// <summary>Topics a validator has checked already, parsed.</summary>
    /// <exception cref="InvalidOperationException">A topic was not checked (a validator is missing).</exception>
    public static List<DeviceTopic> Checked(IEnumerable<string> topics) =>
        [.. topics.Select(t => DeviceTopic.TryParse(t, out var topic) ? topic : throw new InvalidOperationException($"unchecked topic {t}"))];

    /// <summary>Adds the rules for a whole list: each topic known, at most <see cref="MaxTopics"/>, at most <see cref="Device.MaxRegions"/> regions.</summary>
    public static void TopicList<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string>?>> topics, TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(topics)
            .Must(list => list is null || list.Count <= MaxTopics).WithMessage($"At most {MaxTopics} topics.")
            .Must(list => list is null || list.Count(t => t?.StartsWith(DeviceTopic.RegionPrefix, StringComparison.Ordinal) == true) <= Device.MaxRegions)
            .WithMessage($"At most {Device.MaxRegions} regions.");
        validator.RuleFor(topics).CustomAsync(async (list, context, ct) =>
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (await ProblemAsync(list![i], catalog, ct) is { } problem)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure($"{context.PropertyPath}[{i}]", problem));
                }
            }
        });
    }
}
