using System.Text.Json.Nodes;
using Egov.Modules.Forms.Domain;
using Egov.Modules.Forms.Seed;
using Egov.SharedKernel.Errors;

namespace Egov.Modules.Forms.Tests.Domain;

/// <summary>Fees computed from the application data (<c>fee.perField</c>), in integer cents.</summary>
public sealed class FeeRuleTests
{
    private static readonly FormContent Parking = FormSeeder.LoadDocuments().Single(d => d.Key == "bewohnerparkausweis").ToContent();

    [Fact]
    public void Cents_OfTheSeededParkingPermit_Are3070PerVehicle_AndNoneWithoutOne()
    {
        Assert.Equal(3070, FeeRule.Cents(Parking, Data("""{ "vehicle": { "registrationNumber": "MK-EM 1234" } }""")));
        Assert.Equal(0, FeeRule.Cents(Parking, Data("""{ "applicant": {} }""")));
        Assert.Equal(30.70m, FeeRule.IndicativeEur(Parking));
    }

    [Theory]
    [InlineData("""{ "vehicles": [ {}, {}, {} ] }""", 500 + (3 * 3070))]
    [InlineData("""{ "vehicles": [] }""", 500)]
    [InlineData("""{ "vehicles": 2 }""", 500 + (2 * 3070))]
    [InlineData("""{ "vehicles": true }""", 500 + 3070)]
    [InlineData("""{ "vehicles": false }""", 500)]
    [InlineData("""{ "vehicles": null }""", 500)]
    [InlineData("""{ "vehicles": "MK-EM 1234" }""", 500 + 3070)]
    [InlineData("""{}""", 500)]
    public void Cents_AreTheFixedPartPlusTheAmountPerUnitOfTheField(string data, long expected)
    {
        var content = Parking with { FeeAmountEur = 5m, FeePerField = [new FeePerField("/vehicles", 30.70m)] };

        Assert.Equal(expected, FeeRule.Cents(content, Data(data)));
    }

    [Theory]
    [InlineData("""{ "vehicles": -1 }""")]
    [InlineData("""{ "vehicles": 1001 }""")]
    [InlineData("""{ "vehicles": 1e30 }""")]
    [InlineData("""{ "vehicles": 1.5 }""")]
    public void Cents_RefuseACountOutsideZeroToAThousand(string data)
    {
        var content = Parking with { FeePerField = [new FeePerField("/vehicles", 30.70m)] };

        var refused = Assert.Throws<DomainRuleException>(() => FeeRule.Cents(content, Data(data)));
        Assert.Contains("/vehicles", refused.Message, StringComparison.Ordinal);
    }

    private static JsonObject Data(string json) => JsonNode.Parse(json)!.AsObject();
}
