using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Egov.Modules.Forms.Features.Notifications;

/// <summary>Registration of the status mail parts.</summary>
internal static class StatusMailExtensions
{
    /// <summary>
    /// Registers <see cref="MailOptions"/> bound from <c>Egov:Mail</c> and validated at startup
    /// (<see cref="MailOptionsValidator"/>, <c>ValidateOnStart</c>: a wrong configuration stops
    /// the host with an <see cref="OptionsValidationException"/> naming the keys), the
    /// <see cref="StatusMailComposer"/> and an <see cref="IMailSender"/>: the
    /// <see cref="SmtpMailSender"/> when mail is enabled, else the <see cref="LogOnlyMailSender"/>.
    /// All singletons; uses the registered <see cref="TimeProvider"/> or the system clock.
    /// </summary>
    internal static IServiceCollection AddStatusMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatusMailComposer>();
        services.TryAddSingleton<SmtpMailSender>();
        services.TryAddSingleton<LogOnlyMailSender>();
        services.TryAddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Enabled
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<LogOnlyMailSender>());
        return services;
    }
}
