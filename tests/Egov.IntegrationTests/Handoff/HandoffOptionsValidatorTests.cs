using Egov.Modules.Handoff.Domain;
using Egov.Modules.Handoff.Features.Handoffs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Egov.IntegrationTests.Handoff;

/// <summary>The startup check of <c>Egov:Handoff</c>: a configured target is push or pull, never the kind that records xdomea exports.</summary>
public sealed class HandoffOptionsValidatorTests
{
    [Fact]
    public void Validate_WhenATargetIsOfKindXdomea_FailsNamingTheKey()
    {
        var options = new HandoffOptions();
        options.Targets["e-akte"] = new HandoffTargetOptions
        {
            Kind = HandoffTargetKind.Xdomea,
            Forms = [new HandoffFormOptions { Key = "hundesteuer-anmeldung" }],
            ClientSubject = "service-account-e-akte",
        };

        var result = new HandoffOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Egov:Handoff:Targets:e-akte:Kind must be Push or Pull.", result.Failures!);
    }
}
