using Egov.Modules.Forms.Domain;
using Egov.Modules.Payments.Contracts;
using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Errors;
using Egov.SharedKernel.Paging;
using Egov.SharedKernel.Text;
using Egov.SharedKernel.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Egov.Modules.Forms.Features.Cases;

/// <summary>Worklist filters; every one is optional and they combine with AND.</summary>
/// <param name="Statuses">Only these statuses (none: all after submission).</param>
/// <param name="Form">Form key, e.g. <c>bewohnerparkausweis</c>.</param>
/// <param name="Assignee"><c>me</c>, <c>none</c> (unassigned), or a caseworker's <c>sub</c>.</param>
/// <param name="Department">Department code; only departments of the caller count.</param>
/// <param name="Overdue">True: only late cases; false: only cases in time.</param>
/// <param name="SubmittedFrom">First day of submission (Europe/Berlin calendar date, inclusive).</param>
/// <param name="SubmittedTo">Last day of submission (Europe/Berlin calendar date, inclusive).</param>
/// <param name="Search">Part of the reference number or of the applicant's name (case-insensitive).</param>
/// <param name="Payment">State of the latest fee payment (<c>Open</c>, <c>Paid</c>, <c>Failed</c>, <c>Cancelled</c>, <c>Expired</c>, <c>Refunded</c>), or <c>None</c>: no payment started.</param>
internal sealed record CaseFilter(
    IReadOnlyList<ApplicationStatus> Statuses,
    string? Form,
    string? Assignee,
    string? Department,
    bool? Overdue,
    DateOnly? SubmittedFrom,
    DateOnly? SubmittedTo,
    string? Search,
    string? Payment = null);

/// <summary>The worklist: one page of cases, sorted and filtered, and counts per status.</summary>
internal sealed record ListCasesQuery(Caseworker Caseworker, CaseFilter Filter, CaseSort Sort, string? Cursor, int? Limit) : IQuery<CaseWorklist>;

/// <summary>Worklist order: by submission or by due date, ascending (oldest first) or descending.</summary>
internal enum CaseSort
{
    /// <summary>Oldest submission first (first in, first out): the default.</summary>
    SubmittedAt,

    /// <summary>Newest submission first.</summary>
    SubmittedAtDescending,

    /// <summary>Most urgent first.</summary>
    DueAt,

    /// <summary>Least urgent first.</summary>
    DueAtDescending,
}

internal sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxPageSize).OverridePropertyName("limit").WithName("limit");
        // PostgreSQL refuses a NUL in a text parameter (22021), so control characters are refused here as field errors.
        RuleFor(q => q.Filter.Search).MaximumLength(100).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("q").WithName("q");
        RuleFor(q => q.Filter.Form).MaximumLength(80).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("form").WithName("form");
        RuleFor(q => q.Filter.Assignee).MaximumLength(200).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("assignee").WithName("assignee");
        RuleFor(q => q.Filter.Department).MaximumLength(80).Must(NoControlCharacters).WithMessage(ControlCharacters).OverridePropertyName("department").WithName("department");
        RuleFor(q => q.Filter.Payment).Must(p => p is null || p == NoPayment || PaymentStates.All.Contains(p))
            .WithMessage($"One of {NoPayment}, {string.Join(", ", PaymentStates.All)}.").OverridePropertyName("payment").WithName("payment");
        RuleFor(q => q.Filter).Must(f => f.SubmittedFrom is null || f.SubmittedTo is null || f.SubmittedFrom <= f.SubmittedTo)
            .WithMessage("submittedFrom must not be after submittedTo.").OverridePropertyName("submittedFrom");
    }

    private const string ControlCharacters = "Must not contain control characters.";

    /// <summary>The <c>payment</c> filter value for cases without any payment.</summary>
    public const string NoPayment = "None";

    private static bool NoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);
}

/// <summary>
/// The worklist: the submitted applications of the caller's departments (all for an
/// Administrator), filtered, sorted and paged with keyset cursors, with counts per status.
/// </summary>
internal sealed class ListCasesHandler(FormsDbContext db, StaffDirectory staff, TimeProvider time) : IQueryHandler<ListCasesQuery, CaseWorklist>
{
    private static readonly ApplicationStatus[] CaseStatuses =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)];

    public async ValueTask<CaseWorklist> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        await staff.TouchAsync(query.Caseworker, cancellationToken);
        var now = time.GetUtcNow();
        var limit = query.Limit ?? Cursor.DefaultPageSize;
        var after = Cursor.Decode<Position>(query.Cursor);
        if (after is not null && after.Sort != query.Sort)
        {
            throw new RequestValidationException("cursor", "The cursor belongs to another sort order; start again without one.");
        }

        var cases = Filtered(query.Caseworker, query.Filter, now);
        var counts = await cases.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (query.Filter.Statuses.Count > 0)
        {
            var statuses = query.Filter.Statuses.ToArray();
            cases = cases.Where(a => statuses.Contains(a.Status));
        }

        var rows = await Page(cases, query.Sort, after).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Count > limit ? rows[..limit] : rows;

        // The worklist shows applicants' names: each listed case is a read of personal data.
        db.CaseAccessLog.AddRange(items.Select(a => CaseAccessLogEntry.Create(a.Id, query.Caseworker.Actor, "worklist", now)));
        await db.SaveChangesAsync(cancellationToken);
        string? next = null;
        if (rows.Count > limit)
        {
            var last = items[^1];
            var key = query.Sort is CaseSort.DueAt or CaseSort.DueAtDescending ? last.DueAt!.Value : last.SubmittedAt!.Value;
            next = Cursor.Encode(new Position(key, last.Id, query.Sort));
        }

        return new CaseWorklist(
            [.. items.Select(a => new CaseSummary(
                a.Id, a.ReferenceNumber!, a.FormKey, a.Department ?? "", a.Status.ToString(), a.ApplicantName,
                a.AssigneeSubject, a.AssigneeName, a.SubmittedAt!.Value, a.DueAt, a.IsOverdue(now), a.PaymentState))],
            next,
            CaseStatuses.ToDictionary(s => s.ToString(), s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0, StringComparer.Ordinal));
    }

    private IQueryable<Application> Filtered(Caseworker caseworker, CaseFilter filter, DateTimeOffset now)
    {
        var cases = db.Applications.AsNoTracking().Where(a => a.SubmittedAt != null);
        if (!caseworker.IsAdministrator)
        {
            var departments = caseworker.Departments.ToArray();
            cases = cases.Where(a => departments.Contains(a.Department!));
        }

        if (filter.Department is { } department)
        {
            cases = cases.Where(a => a.Department == department);
        }

        if (filter.Form is { } form)
        {
            cases = cases.Where(a => a.FormKey == form);
        }

        cases = filter.Assignee switch
        {
            null => cases,
            "me" => cases.Where(a => a.AssigneeSubject == caseworker.Subject),
            "none" => cases.Where(a => a.AssigneeSubject == null),
            var subject => cases.Where(a => a.AssigneeSubject == subject),
        };

        if (filter.Overdue is { } overdue)
        {
            // Keep in step with Application.IsOverdue: late while the city has the case.
            cases = overdue
                ? cases.Where(a => a.DueAt < now && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview))
                : cases.Where(a => !(a.DueAt < now && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview)));
        }

        cases = filter.Payment switch
        {
            null => cases,
            ListCasesValidator.NoPayment => cases.Where(a => a.PaymentState == null),
            var state => cases.Where(a => a.PaymentState == state),
        };

        if (filter.SubmittedFrom is { } from)
        {
            var start = CivilTime.StartOfDay(from);
            cases = cases.Where(a => a.SubmittedAt >= start);
        }

        if (filter.SubmittedTo is { } to)
        {
            var end = CivilTime.StartOfDay(to.AddDays(1));
            cases = cases.Where(a => a.SubmittedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Names are stored folded (NFC, lower case); rows filed before input was normalised may hold NFD.
            var forms = InputText.SearchForms(filter.Search.Trim());
            var nfc = forms[0];
            var nfd = forms[^1];
            cases = cases.Where(a => a.SearchText!.Contains(nfc) || a.SearchText!.Contains(nfd));
        }

        return cases;
    }

    private static IQueryable<Application> Page(IQueryable<Application> cases, CaseSort sort, Position? after) => sort switch
    {
        CaseSort.SubmittedAtDescending => (after is null ? cases : cases.Where(a => a.SubmittedAt < after.Key || (a.SubmittedAt == after.Key && a.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id),
        CaseSort.DueAt => (after is null ? cases : cases.Where(a => a.DueAt > after.Key || (a.DueAt == after.Key && a.Id.CompareTo(after.Id) > 0)))
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id),
        CaseSort.DueAtDescending => (after is null ? cases : cases.Where(a => a.DueAt < after.Key || (a.DueAt == after.Key && a.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(a => a.DueAt).ThenByDescending(a => a.Id),
        _ => (after is null ? cases : cases.Where(a => a.SubmittedAt > after.Key || (a.SubmittedAt == after.Key && a.Id.CompareTo(after.Id) > 0)))
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id),
    };

    internal sealed record Position(DateTimeOffset Key, Guid Id, CaseSort Sort);
}
