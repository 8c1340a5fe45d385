namespace Egov.Host.Portal.Demo;

/// <summary>Registers the development demo content (<see cref="DemoContentSeeder"/>).</summary>
internal static class DemoContentExtensions
{
    public static IServiceCollection AddDemoContent(this IServiceCollection services)
    {
        services.AddOptions<DemoContentOptions>().BindConfiguration(DemoContentOptions.SectionName);
        services.AddHostedService<DemoContentSeeder>();
        return services;
    }
}
