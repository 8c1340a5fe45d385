using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Egov.Modules.Forms.Contracts;
using Egov.Modules.Forms.Features.Notifications;
using Egov.Testing;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Egov.IntegrationTests.Forms.Notifications;

/// <summary>Sending status mails over real SMTP to a server on the loopback interface; nothing leaves the machine.</summary>
public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private LoopbackSmtpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackSmtpServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_ToLoopbackServer_DeliversRecipientSubjectBothBodiesAndHeaders()
    {
        var sent = StatusMails.Composer().Compose(StatusMails.Input(answerDueBy: new DateOnly(2026, 12, 15)));

        await Sender(_server).SendAsync(sent, TestContext.Current.CancellationToken);

        var received = await _server.WaitForMessageAsync(m => m.MessageId == sent.MessageId, Wait);
        Assert.Equal(StatusMails.Recipient, Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal(StatusMails.Sender, Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal(StatusMails.SenderName, Assert.Single(received.From.Mailboxes).Name);
        Assert.Equal("Ihr Antrag EGOV-2026-000042: Nachforderung von Unterlagen", received.Subject);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Contains("Bitte antworten Sie bis zum 15.12.2026 über Ihr Konto.", StatusMails.Text(received), StringComparison.Ordinal);
        Assert.Contains("Bitte antworten Sie bis zum 15.12.2026 über Ihr Konto.", StatusMails.Html(received), StringComparison.Ordinal);
        Assert.Equal(StatusMails.Text(sent), StatusMails.Text(received));
        Assert.Equal(StatusMails.Html(sent), StatusMails.Html(received));
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task SendAsync_InEnglish_ArrivesInEnglish()
    {
        var sent = StatusMails.Composer().Compose(StatusMails.Input(status: ApplicationStatuses.Approved, language: "en"));

        await Sender(_server).SendAsync(sent, TestContext.Current.CancellationToken);

        var received = await _server.WaitForMessageAsync(m => m.MessageId == sent.MessageId, Wait);
        Assert.Equal("Your application EGOV-2026-000042: decision made", received.Subject);
        Assert.Contains("New status: Approved.", StatusMails.Text(received), StringComparison.Ordinal);
        Assert.Contains("New status: Approved.", StatusMails.Html(received), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_AuthenticatesAndDelivers()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new NetworkCredential("egov", "s3cret"), TestContext.Current.CancellationToken);
        var sent = StatusMails.Composer().Compose(StatusMails.Input());

        await Sender(server, o => (o.UserName, o.Password) = ("egov", "s3cret")).SendAsync(sent, TestContext.Current.CancellationToken);

        await server.WaitForMessageAsync(m => m.MessageId == sent.MessageId, Wait);
    }

    [Fact]
    public async Task SendAsync_WithWrongPassword_ThrowsAuthenticationException()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new NetworkCredential("egov", "s3cret"), TestContext.Current.CancellationToken);
        var sender = Sender(server, o => (o.UserName, o.Password) = ("egov", "wrong"));

        await Assert.ThrowsAsync<AuthenticationException>(() =>
            sender.SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WithoutCredentialsToServerRequiringThem_Throws()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new NetworkCredential("egov", "s3cret"), TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Sender(server).SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), TestContext.Current.CancellationToken));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_ThrowsSoTheOutboxRetries()
    {
        var sender = new SmtpMailSender(
            Microsoft.Extensions.Options.Options.Create(StatusMails.Options(o => (o.Enabled, o.Host, o.Port, o.Security) = (true, "127.0.0.1", ClosedPort(), MailSecurity.None))),
            NullLogger<SmtpMailSender>.Instance);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            sender.SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), TestContext.Current.CancellationToken));

        Assert.IsType<SocketException>(failure, exactMatch: false);
    }

    [Fact]
    public async Task SendAsync_WhenServerNeverAnswers_ThrowsTimeoutAfterTheConfiguredTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var sender = new SmtpMailSender(
            Microsoft.Extensions.Options.Options.Create(StatusMails.Options(o => (o.Enabled, o.Host, o.Port, o.Security, o.Timeout) = (true, "127.0.0.1", port, MailSecurity.None, TimeSpan.FromSeconds(1)))),
            NullLogger<SmtpMailSender>.Instance);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            sender.SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), TestContext.Current.CancellationToken));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task SendAsync_WhenCallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var sender = new SmtpMailSender(
            Microsoft.Extensions.Options.Options.Create(StatusMails.Options(o => (o.Enabled, o.Host, o.Port, o.Security) = (true, "127.0.0.1", port, MailSecurity.None))),
            NullLogger<SmtpMailSender>.Instance);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var failure = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            sender.SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), cancel.Token));

        Assert.True(cancel.IsCancellationRequested, failure.ToString());
    }

    [Fact]
    public async Task SendAsync_WithStartTlsToServerWithoutIt_ThrowsInsteadOfSendingInPlainText()
    {
        var sender = Sender(_server, o => o.Security = MailSecurity.StartTls);

        await Assert.ThrowsAsync<NotSupportedException>(() =>
            sender.SendAsync(StatusMails.Composer().Compose(StatusMails.Input()), TestContext.Current.CancellationToken));
        Assert.Empty(_server.Messages);
    }

    [Theory]
    [InlineData("None", SecureSocketOptions.None)]
    [InlineData("StartTls", SecureSocketOptions.StartTls)]
    [InlineData("SslOnConnect", SecureSocketOptions.SslOnConnect)]
    public void ToSecureSocketOptions_ForEachSecurity_MapsOneToOne(string security, SecureSocketOptions expected)
    {
        Assert.Equal(expected, SmtpMailSender.ToSecureSocketOptions(Enum.Parse<MailSecurity>(security)));
        Assert.Equal(3, Enum.GetValues<MailSecurity>().Length);
    }

    [Fact]
    public async Task AddStatusMail_WhenEnabled_SendsThroughSmtp()
    {
        await using var services = Services(new()
        {
            ["Egov:Mail:Enabled"] = "true",
            ["Egov:Mail:Host"] = _server.Host,
            ["Egov:Mail:Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Egov:Mail:Security"] = "None",
            ["Egov:Mail:SenderAddress"] = StatusMails.Sender,
            ["Egov:Mail:SenderName"] = StatusMails.SenderName,
            ["Egov:Mail:Timeout"] = "00:00:10",
        });
        var sender = services.GetRequiredService<IMailSender>();
        var sent = services.GetRequiredService<StatusMailComposer>().Compose(StatusMails.Input(status: ApplicationStatuses.Submitted));

        await sender.SendAsync(sent, TestContext.Current.CancellationToken);

        Assert.IsType<SmtpMailSender>(sender);
        var received = await _server.WaitForMessageAsync(m => m.MessageId == sent.MessageId, Wait);
        Assert.Equal("Ihr Antrag EGOV-2026-000042: Eingangsbestätigung", received.Subject);
    }

    [Fact]
    public async Task AddStatusMail_WhenDisabled_OnlyLogsAndSendsNothing()
    {
        await using var services = Services(new()
        {
            ["Egov:Mail:Host"] = _server.Host,
            ["Egov:Mail:Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Egov:Mail:Security"] = "None",
        });
        var sender = services.GetRequiredService<IMailSender>();

        await sender.SendAsync(services.GetRequiredService<StatusMailComposer>().Compose(StatusMails.Input()), TestContext.Current.CancellationToken);

        Assert.IsType<LogOnlyMailSender>(sender);
        await Assert.ThrowsAsync<TimeoutException>(() => _server.WaitForMessageAsync(_ => true, TimeSpan.FromMilliseconds(500)));
    }

    private static SmtpMailSender Sender(LoopbackSmtpServer server, Action<MailOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(StatusMails.Options(o =>
            {
                (o.Enabled, o.Host, o.Port, o.Security, o.Timeout) = (true, server.Host, server.Port, MailSecurity.None, TimeSpan.FromSeconds(10));
                configure?.Invoke(o);
            })),
            NullLogger<SmtpMailSender>.Instance);

    internal static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddStatusMail(configuration).BuildServiceProvider(validateScopes: true);
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
