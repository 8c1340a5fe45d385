using Egov.Modules.Forms.Features.Cases;
using Egov.Modules.Forms.Features.Receipts;
using Egov.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Egov.Modules.Forms.Features.Applications;

/// <summary>
/// Downloads of payment confirmations (ADR 0028): the applicant's under <c>/api/v1/applications/{id}</c>
/// (policy FileApplications), staff's under <c>/api/v1/cases/{id}</c> (policy HandleCases, the case's departments only).
/// </summary>
internal static class PaymentConfirmationEndpoints
{
    public static IEndpointRouteBuilder MapPaymentConfirmationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/applications/{id:guid}/payment-confirmations/{paymentId:guid}", async (Guid id, Guid paymentId, HttpContext http, ISender sender, CancellationToken ct) =>
                ReceiptEndpoints.Download(http, await sender.Send(new GetPaymentConfirmationQuery(ApplicationEndpoints.Applicant(http), id, paymentId), ct)))
            .RequireAuthorization(EgovPolicies.FileApplications)
            .WithTags("Applications")
            .WithName("GetPaymentConfirmation")
            .WithSummary("The payment confirmation (Zahlungsbestätigung) of a fee I paid after submitting, as PDF")
            .WithDescription("Issued once the payment provider's signed notification booked the payment (`payment.confirmationUrl` of the application names it). " +
                "A fee paid before submission is printed on the receipt instead and has no confirmation. Every download returns the same bytes (strong `ETag`; 304 for `If-None-Match`); " +
                "its fingerprint is verified at `/api/v1/receipts/verify`. Another citizen's is 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/cases/{id:guid}/payment-confirmations/{paymentId:guid}", async (Guid id, Guid paymentId, HttpContext http, ISender sender, CancellationToken ct) =>
                ReceiptEndpoints.Download(http, await sender.Send(new GetCasePaymentConfirmationQuery(CaseEndpoints.Caseworker(http), id, paymentId), ct)))
            .RequireAuthorization(EgovPolicies.HandleCases)
            .WithTags("Cases")
            .WithName("GetCasePaymentConfirmation")
            .WithSummary("The payment confirmation of a fee paid on the case after submission, as PDF (logged as a read)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
