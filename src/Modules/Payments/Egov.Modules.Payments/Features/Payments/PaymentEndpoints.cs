using System.Security.Claims;
using Egov.Modules.Payments.Features.Reconciliation;
using Egov.Modules.Payments.Features.Refunds;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Payments.Features.Payments;

/// <summary>
/// The payment API: the applicant's payment of a fee (<c>/api/v1/applications/{id}/payments</c>), the
/// browser's way back from the provider and the provider's notifications (<c>/api/v1/payments/…</c>,
/// anonymous: they prove nothing by themselves and are checked with the provider or its signature),
/// and the staff side: a case's payments, refunds with four eyes, the treasury's reconciliation report.
/// </summary>
internal static class PaymentEndpoints
{
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var citizen = app.MapGroup("/api/v1/applications/{applicationId:guid}/payments").WithTags("Payments").RequireAuthorization(EgovPolicies.FileApplications);

        citizen.MapPost("/", async Task<Ok<PaymentResponse>> (Guid applicationId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartPaymentCommand(applicationId, Subject(user)), ct)))
            .WithName("StartPayment")
            .WithSummary("Pay the fee of my submitted application: the provider's hosted page to send the browser to")
            .WithDescription("Idempotent: while a payment is open the same page (`checkoutUrl`) is answered again. 409 when the fee is paid; after a failed, cancelled or expired payment a new one starts. 422 when the form is free of charge or online payment is not configured; 502 when the provider does not answer.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        citizen.MapGet("/", async Task<Ok<IReadOnlyList<PaymentResponse>>> (Guid applicationId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyPaymentsQuery(applicationId, Subject(user)), ct)))
            .WithName("ListMyPayments")
            .WithSummary("The payments of my application, newest first");

        var provider = app.MapGroup("/api/v1/payments").WithTags("Payments").AllowAnonymous();

        provider.MapGet("/{paymentId:guid}/return", async Task<RedirectHttpResult> (Guid paymentId, ISender sender, CancellationToken ct) =>
                Back(await sender.Send(new ReturnFromProviderCommand(paymentId, Cancelled: false), ct)))
            .WithName("ReturnFromPayment")
            .WithSummary("The browser's return from the provider's page: the outcome is read from the provider, then 303 to the application page")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        provider.MapGet("/{paymentId:guid}/cancel", async Task<RedirectHttpResult> (Guid paymentId, ISender sender, CancellationToken ct) =>
                Back(await sender.Send(new ReturnFromProviderCommand(paymentId, Cancelled: true), ct)))
            .WithName("CancelPayment")
            .WithSummary("The browser's return after cancelling on the provider's page: the page is closed at the provider, then 303 to the application page")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        provider.MapPost("/notifications/stripe", async Task<Ok<NotificationOutcome>> (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                // The signature covers the exact bytes: read the body as sent, never re-serialised.
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync(ct);
                var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                return TypedResults.Ok(await sender.Send(new HandleProviderNotificationCommand(body, headers), ct));
            })
            .WithName("ReceiveStripeNotification")
            .WithSummary("Stripe's signed webhook (checkout.session.*): verified with Stripe-Signature; a repeat is answered 200 and changes nothing")
            .WithDescription("400 when the signature does not verify (forged, altered or older than 5 minutes).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var staff = app.MapGroup("/api/v1/payments").WithTags("Payments").RequireAuthorization(EgovPolicies.HandleCases);

        staff.MapGet("/cases/{applicationId:guid}", async Task<Ok<CasePayments>> (Guid applicationId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCasePaymentsQuery(applicationId, PaymentStaff.From(user)), ct)))
            .WithName("ListCasePayments")
            .WithSummary("A case's payments and refunds")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPost("/{paymentId:guid}/refunds", async Task<Ok<RefundResponse>> (Guid paymentId, RefundRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RequestRefundCommand(paymentId, request.Reason, PaymentStaff.From(user)), ct)))
            .WithName("RequestRefund")
            .WithSummary("Pay a paid fee back in full; above the approval amount it waits for a second caseworker (status AwaitingApproval)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        staff.MapPost("/refunds/{refundId:guid}/approve", async Task<Ok<RefundResponse>> (Guid refundId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveRefundCommand(refundId, PaymentStaff.From(user)), ct)))
            .WithName("ApproveRefund")
            .WithSummary("Approve a refund someone else requested; it then runs at the provider")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        staff.MapGet("/reconciliation", async Task<Ok<ReconciliationReport>> (DateOnly? day, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetReconciliationReportQuery(day), ct)))
            .WithName("GetReconciliationReport")
            .WithSummary("The treasury's daily report per provider: paid, refunded, net and flagged (`day`: Europe/Berlin date, default today)");

        staff.MapGet("/reconciliation.csv", async Task<ContentHttpResult> (DateOnly? day, ISender sender, CancellationToken ct) =>
                TypedResults.Text(ReconciliationCsv.Write(await sender.Send(new GetReconciliationReportQuery(day), ct)), ReconciliationCsv.MediaType))
            .WithName("GetReconciliationCsv")
            .WithSummary("The same report as CSV (RFC 4180) for the treasury's import");
        return app;
    }

    private static string Subject(ClaimsPrincipal user) => user.FindFirstValue(EgovClaimTypes.Subject)!;

    private static RedirectHttpResult Back(PaymentResponse payment) =>
        TypedResults.Redirect($"/applications/{payment.ApplicationId}?payment={payment.State}", permanent: false, preserveMethod: false);
}

/// <summary>A refund request: why the money goes back.</summary>
/// <param name="Reason">Shown in the treasury report; at most 1000 characters.</param>
internal sealed record RefundRequest(string? Reason);
