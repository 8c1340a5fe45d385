using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Egov.SharedKernel.Inbox;
using Egov.SharedKernel.Outbox;
using Mediator;

namespace Egov.ArchitectureTests;

/// <summary>
/// Every integration event handler goes through the inbox (issue 21, ADR 0020): it derives from
/// <see cref="IntegrationEventHandler{TDbContext}"/>, and its <c>Handle</c> for each event is the
/// base's (<see cref="IntegrationEventHandler{TEvent, TDbContext}"/>) or calls <c>HandleOnceAsync</c>.
/// </summary>
public sealed class InboxTests
{
    /// <summary>
    /// Handlers not yet converted, each with who converts it. The list only shrinks: a handler
    /// listed here that converts, moves or goes away fails <see cref="NotYetConverted_ListsOnlyExistingUnconvertedHandlers"/>.
    /// </summary>
    private static readonly HashSet<string> NotYetConverted = [];

    /// <summary>Every integration event handler of every module but the listed ones, each its own test case.</summary>
    public static TheoryData<string> Handlers => new(AllHandlers().Select(h => h.Type.FullName!)
        .Where(n => !NotYetConverted.Contains(n)).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Handlers))]
    public void IntegrationEventHandler_GoesThroughTheInbox(string handler)
    {
        var offences = AllHandlers().Where(h => h.Type.FullName == handler).SelectMany(Offences).ToList();

        ArchitectureAssert.NoneOf(offences, $"{handler} must derive from IntegrationEventHandler<TEvent, TDbContext> (or route each Handle through HandleOnceAsync)");
    }

    [Fact]
    public void NotYetConverted_ListsOnlyExistingUnconvertedHandlers()
    {
        var unconverted = AllHandlers().Where(h => Offences(h).Any()).Select(h => h.Type.FullName!).ToHashSet();

        ArchitectureAssert.NoneOf(NotYetConverted.Where(n => !unconverted.Contains(n)), "Remove from NotYetConverted what was converted, moved or deleted");
    }

    [Fact]
    public void Handlers_AreFoundInEveryModuleThatSubscribes()
    {
        // Guards the scan itself: each module that reacts to another's events today must show up
        // (Announcements only publishes), so a handler shape the scan misses cannot pass unseen.
        string[] subscribers = ["Forms", "Outreach", "Mobile", "Handoff", "Payments"];
        var modules = AllHandlers().Select(h => h.Type.Assembly.GetName().Name!).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(subscribers.Select(m => EgovModule.Named(m).Namespace).ToHashSet(StringComparer.Ordinal), modules);
    }

    private static IEnumerable<(Type Type, Type Event)> AllHandlers() =>
        EgovModule.All.Select(m => m.Implementation).SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)
                    && typeof(IIntegrationEvent).IsAssignableFrom(i.GetGenericArguments()[0]))
                .Select(i => (t, i.GetGenericArguments()[0])));

    private static IEnumerable<string> Offences((Type Type, Type Event) handler)
    {
        var (type, integrationEvent) = handler;
        if (!DerivesFromInboxBase(type))
        {
            yield return $"{type.Name} does not derive from IntegrationEventHandler";
            yield break;
        }

        var map = type.GetInterfaceMap(typeof(INotificationHandler<>).MakeGenericType(integrationEvent));
        var handle = map.TargetMethods.Single();
        var declaring = handle.DeclaringType!;
        if (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(IntegrationEventHandler<,>))
        {
            yield break;
        }

        if (!CallsHandleOnce(handle))
        {
            yield return $"{type.Name}.Handle({integrationEvent.Name}) does not call HandleOnceAsync";
        }
    }

    private static bool DerivesFromInboxBase(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IntegrationEventHandler<>))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the method's IL (or its async state machine's) calls <c>HandleOnceAsync</c>.</summary>
    private static bool CallsHandleOnce(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } async
            ? async.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
            : method;
        var il = body.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value)
            {
                continue;
            }

            try
            {
                var called = body.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1),
                    body.DeclaringType?.GetGenericArguments(), body.GetGenericArguments());
                if (called?.Name == "HandleOnceAsync" && called.DeclaringType is { IsGenericType: true } d
                    && d.GetGenericTypeDefinition() == typeof(IntegrationEventHandler<>))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token: a byte of an operand that looks like a call opcode.
            }
        }

        return false;
    }
}
