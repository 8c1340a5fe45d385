using Egov.Modules.Forms.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Egov.IntegrationTests.Forms.Notifications;

/// <summary>The checks of <c>Egov:Mail</c> that stop a host with a broken mail configuration at startup.</summary>
public sealed class MailOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValidBecauseMailIsDisabled()
    {
        Assert.True(Validate(new MailOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithoutHostOrSender_FailsNamingBothKeys()
    {
        var result = Validate(new MailOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Egov:Mail:Host:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Egov:Mail:SenderAddress:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LocalRelayExample_IsValid()
    {
        Assert.True(Validate(Enabled(o => (o.Host, o.Port, o.Security) = ("localhost", 25, MailSecurity.None))).Succeeded);
    }

    [Theory]
    [InlineData("smtp.musterstadt.example", "None", false)]
    [InlineData("smtp.musterstadt.example", "StartTls", true)]
    [InlineData("smtp.musterstadt.example", "SslOnConnect", true)]
    [InlineData("localhost", "None", true)]
    [InlineData("127.0.0.1", "None", true)]
    [InlineData("::1", "None", true)]
    [InlineData("127.0.0.1.example", "None", false)]
    public void Validate_CredentialsWithSecurity_AllowPlainTextOnlyToLoopback(string host, string security, bool valid)
    {
        var result = Validate(Enabled(o => (o.Host, o.Security, o.UserName, o.Password) = (host, Enum.Parse<MailSecurity>(security), "egov", "s3cret")));

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("egov", null)]
    [InlineData(null, "s3cret")]
    public void Validate_UserNameWithoutPasswordOrTheOtherWayRound_Fails(string? userName, string? password)
    {
        Assert.True(Validate(Enabled(o => (o.UserName, o.Password) = (userName, password))).Failed);
    }

    [Theory]
    [InlineData("Stadt Musterstadt <noreply@musterstadt.example>")]
    [InlineData("noreply")]
    [InlineData("noreply@musterstadt.example\r\nBcc: x@example.org")]
    public void Validate_SenderAddressThatIsNotOneBareAddress_FailsEvenWhenDisabled(string address)
    {
        Assert.True(Validate(new MailOptions { SenderAddress = address }).Failed);
    }

    [Fact]
    public void Validate_SenderNameOnTwoLines_Fails()
    {
        Assert.True(Validate(Enabled(o => o.SenderName = "Stadt Musterstadt\r\nBcc: x@example.org")).Failed);
    }

    [Theory]
    [InlineData(0, 587, false)]
    [InlineData(65536, 587, false)]
    [InlineData(465, 0, false)]
    [InlineData(465, 1, true)]
    [InlineData(465, 300, true)]
    [InlineData(465, 301, false)]
    public void Validate_PortAndTimeout_MustBeInRange(int port, int timeoutSeconds, bool valid)
    {
        var result = Validate(Enabled(o => (o.Port, o.Timeout) = (port, TimeSpan.FromSeconds(timeoutSeconds))));

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void AddStatusMail_WithBrokenConfiguration_FailsTheStartupValidation()
    {
        using var services = SmtpMailSenderTests.Services(new() { ["Egov:Mail:Enabled"] = "true", ["Egov:Mail:Port"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failure.Failures, f => f.StartsWith("Egov:Mail:Port:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddStatusMail_BindsEveryKey()
    {
        using var services = SmtpMailSenderTests.Services(new()
        {
            ["Egov:Mail:Enabled"] = "true",
            ["Egov:Mail:Host"] = "smtp.musterstadt.example",
            ["Egov:Mail:Port"] = "465",
            ["Egov:Mail:Security"] = "SslOnConnect",
            ["Egov:Mail:UserName"] = "egov",
            ["Egov:Mail:Password"] = "s3cret",
            ["Egov:Mail:SenderAddress"] = "noreply@musterstadt.example",
            ["Egov:Mail:SenderName"] = "Stadt Musterstadt – Bürgerservice",
            ["Egov:Mail:Timeout"] = "00:00:45",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;

        Assert.Equal(
            (true, "smtp.musterstadt.example", 465, MailSecurity.SslOnConnect, "egov", "s3cret", "noreply@musterstadt.example", "Stadt Musterstadt – Bürgerservice", TimeSpan.FromSeconds(45)),
            (options.Enabled, options.Host, options.Port, options.Security, options.UserName, options.Password, options.SenderAddress, options.SenderName, options.Timeout));
    }

    private static ValidateOptionsResult Validate(MailOptions options) => new MailOptionsValidator().Validate(Options.DefaultName, options);

    private static MailOptions Enabled(Action<MailOptions> configure)
    {
        var options = StatusMails.Options(o => (o.Enabled, o.Host) = (true, "smtp.musterstadt.example"));
        configure(options);
        return options;
    }
}
