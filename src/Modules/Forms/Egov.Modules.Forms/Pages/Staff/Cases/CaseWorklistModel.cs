using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Catalog;
using Egov.Modules.Payments.Contracts;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Security;
using Egov.SharedKernel.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egov.Modules.Forms.Pages.Staff.Cases;

/// <summary>
/// The caseworker's worklist at <c>/staff/cases</c>: the cases of their departments through the API's
/// worklist query (<see cref="ListCasesQuery"/>), filtered by a GET form, paged with the query's
/// cursors. "Previous" works without state on the server: the page carries the cursors it came
/// through in <c>back</c> (separated by <c>~</c>, the first page as <c>.</c>; neither is Base64url).
/// </summary>
[Authorize(Policy = EgovPolicies.HandleCases)]
internal sealed class CaseWorklistModel(ISender sender) : PageModel
{
    private const int PageSize = 20;
    private const string FirstPage = ".";

    public static IReadOnlyList<string> Statuses { get; } =
        [.. Enum.GetNames<ApplicationStatus>().Where(s => s != nameof(ApplicationStatus.Draft))];

    public string? Status { get; private set; }

    public string? Form { get; private set; }

    public string? Assignee { get; private set; }

    public string? Overdue { get; private set; }

    public string? Search { get; private set; }

    /// <summary>The payment filter: <c>None</c> (no payment started) or one of <see cref="PaymentStates"/>; null: all.</summary>
    public string? Payment { get; private set; }

    /// <summary>The payment filter's choices, as the worklist query takes them.</summary>
    public static IReadOnlyList<string> PaymentChoices { get; } = [ListCasesValidator.NoPayment, .. PaymentStates.All];

    public string? Sort { get; private set; }

    public CaseWorklist Worklist { get; private set; } = new([], null, new Dictionary<string, int>());

    public IReadOnlyList<FormSummary> Forms { get; private set; } = [];

    public PageErrors Errors { get; } = new();

    public string? NextLink { get; private set; }

    public string? PreviousLink { get; private set; }

    public bool Filtered => Status is not null || Form is not null || Assignee is not null || Overdue is not null || Search is not null || Payment is not null;

    public async Task OnGetAsync(string? status, string? form, string? assignee, string? overdue, string? payment, string? q, string? sort, string? cursor, string? back, CancellationToken cancellationToken)
    {
        Forms = (await sender.Send(new ListFormsQuery(null, 100), cancellationToken)).Items;

        // Values from the query string are only kept when they are among the choices; anything else is "all".
        Status = Statuses.FirstOrDefault(s => s == status);
        Form = Forms.FirstOrDefault(f => f.Key == form)?.Key;
        Assignee = assignee is "me" or "none" ? assignee : null;
        Overdue = overdue is "true" or "false" ? overdue : null;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Payment = PaymentChoices.FirstOrDefault(p => p == payment);
        Sort = sort is "dueAt" or "-submittedAt" ? sort : null;

        var filter = new CaseFilter(
            Status is null ? [] : [Enum.Parse<ApplicationStatus>(Status)], Form, Assignee, null,
            Overdue is null ? null : Overdue == "true", null, null, Search, Payment);
        var caseSort = Sort switch { "dueAt" => CaseSort.DueAt, "-submittedAt" => CaseSort.SubmittedAtDescending, _ => CaseSort.SubmittedAt };
        try
        {
            Worklist = await sender.Send(new ListCasesQuery(CaseEndpoints.Caseworker(HttpContext), filter, caseSort, Blank(cursor), PageSize), cancellationToken);
        }
        catch (RequestValidationException refused)
        {
            foreach (var (field, messages) in refused.Errors)
            {
                foreach (var message in messages)
                {
                    // A search too long goes to the search box; a stale or foreign cursor to the list's start.
                    Errors.Add(field == "q" ? "q" : "worklist-title", field == "q" ? SearchLabel : PortalText.Pick("Seite", "Page"), message);
                }
            }
        }

        var trail = string.IsNullOrEmpty(back) ? [] : back.Split('~');
        if (Worklist.NextCursor is { } next)
        {
            NextLink = Link(next, [.. trail, Blank(cursor) ?? FirstPage]);
        }

        if (trail.Length > 0)
        {
            var previous = trail[^1];
            PreviousLink = Link(previous == FirstPage ? null : previous, trail[..^1]);
        }
    }

    public static string SearchLabel => PortalText.Pick("Aktenzeichen oder Name", "Reference number or name");

    /// <summary>A payment filter choice in the page's language (staff wording: what happened, not what to do).</summary>
    public static string PaymentChoiceName(string choice) => choice switch
    {
        ListCasesValidator.NoPayment => PortalText.Pick("Keine Zahlung begonnen", "No payment started"),
        PaymentStates.Open => PortalText.Pick("Offen", "Open"),
        PaymentStates.Paid => PortalText.Pick("Bezahlt", "Paid"),
        PaymentStates.Failed => PortalText.Pick("Fehlgeschlagen", "Failed"),
        PaymentStates.Cancelled => PortalText.Pick("Abgebrochen", "Cancelled"),
        PaymentStates.Expired => PortalText.Pick("Abgelaufen", "Expired"),
        PaymentStates.Refunded => PortalText.Pick("Erstattet", "Refunded"),
        _ => choice,
    };

    public string FormTitle(string key) =>
        Forms.FirstOrDefault(f => f.Key == key)?.Title.In(PortalText.Language) ?? key;

    /// <summary>The worklist address with the current filters and the given page.</summary>
    private string Link(string? cursor, string[] trail)
    {
        var query = new QueryBuilder();
        Add(query, "status", Status);
        Add(query, "form", Form);
        Add(query, "assignee", Assignee);
        Add(query, "overdue", Overdue);
        Add(query, "payment", Payment);
        Add(query, "q", Search);
        Add(query, "sort", Sort);
        Add(query, "cursor", cursor);
        Add(query, "back", trail.Length == 0 ? null : string.Join('~', trail));
        return "/staff/cases" + query.ToQueryString();
    }

    private static void Add(QueryBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name, value);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
