using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Seed;
using Egov.SharedKernel.Errors;

namespace Egov.IntegrationTests.Forms.Cases;

/// <summary>
/// The processing deadline of a case: submitted-at + the form's deadline in days; the clock stops
/// while an information request is open, and the due date moves on by that time.
/// </summary>
public sealed class CaseDeadlineTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseActor Clara = new("dev-staff-caseworker", "Clara Sachbearbeiterin", IsApplicant: false);
    private static readonly CaseActor Erika = new("dev-citizen-erika", "Erika Mustermann", IsApplicant: true);

    [Fact]
    public void DueDate_IsSubmissionPlusTheFormsDeadline_AndMovesOnByTheTimeInformationWasRequested()
    {
        var application = Submitted(out var deadlineDays);
        Assert.Equal(SubmittedAt.AddDays(deadlineDays), application.DueAt);

        application.Transition(ApplicationStatus.InReview, Clara, null, SubmittedAt.AddDays(1));
        application.Transition(ApplicationStatus.InformationRequested, Clara, "Bitte Halterbestätigung nachreichen.", SubmittedAt.AddDays(2));
        Assert.False(application.IsOverdue(SubmittedAt.AddDays(deadlineDays + 30)), "no case is late while the city waits for the applicant");

        application.InformationProvided(Erika, SubmittedAt.AddDays(12).AddHours(3));

        Assert.Equal(SubmittedAt.AddDays(deadlineDays + 10).AddHours(3), application.DueAt);
        Assert.Null(application.ClockStoppedAt);
        Assert.False(application.IsOverdue(SubmittedAt.AddDays(deadlineDays + 10)));
        Assert.True(application.IsOverdue(SubmittedAt.AddDays(deadlineDays + 10).AddHours(4)));
    }

    [Fact]
    public void DecidedCase_IsNeverOverdue()
    {
        var application = Submitted(out var deadlineDays);
        application.Transition(ApplicationStatus.InReview, Clara, null, SubmittedAt.AddDays(1));
        application.Transition(ApplicationStatus.Approved, Clara, null, SubmittedAt.AddDays(deadlineDays + 3));

        Assert.False(application.IsOverdue(SubmittedAt.AddDays(deadlineDays + 4)));
    }

    [Fact]
    public void EveryChange_BumpsTheRevision_AndTheHistorySequence()
    {
        var application = Submitted(out _);
        var revision = application.Revision;

        var first = application.Transition(ApplicationStatus.InReview, Clara, null, SubmittedAt);
        var second = application.Assign(Clara, Clara, SubmittedAt);

        Assert.Equal(revision + 2, application.Revision);
        Assert.Equal([2, 3], new[] { first.Entry.Sequence, second.Sequence });
        Assert.Equal("Submitted", first.Event.PreviousStatus);
        Assert.Equal("InReview", first.Event.Status);
    }

    [Fact]
    public void Closed_AllowsNothing_AndSaysSo()
    {
        var application = Submitted(out _);
        application.Transition(ApplicationStatus.InReview, Clara, null, SubmittedAt);
        application.Transition(ApplicationStatus.Rejected, Clara, "Kein Wohnsitz im Gebiet.", SubmittedAt);
        application.Transition(ApplicationStatus.Closed, Clara, null, SubmittedAt);

        var conflict = Assert.Throws<ConflictException>(() => application.Transition(ApplicationStatus.InReview, Clara, null, SubmittedAt));
        Assert.Contains("cannot change any more", conflict.Message, StringComparison.Ordinal);
        Assert.Throws<ConflictException>(() => application.Withdraw(SubmittedAt));
        Assert.Throws<ConflictException>(() => application.Assign(Clara, Clara, SubmittedAt));
    }

    private static Application Submitted(out int deadlineDays)
    {
        var content = FormSeeder.LoadDocuments().Single(d => d.Key == "bewohnerparkausweis").ToContent();
        deadlineDays = content.ProcessingDeadlineDays;
        var form = FormDefinition.Create("bewohnerparkausweis", content, SubmittedAt.AddDays(-30));
        form.Publish(1, SubmittedAt.AddDays(-30));
        var application = Application.CreateDraft(form.Key, form.Version(1), Erika.Subject, "{}", null, SubmittedAt.AddHours(-1));
        application.Submit("{}", "EGOV-2026-000001", null, content, new CaseApplicant("Erika Mustermann", "erika.mustermann@example.org", "de"), SubmittedAt);
        return application;
    }
}
