using Egov.SharedKernel.Outbox;
using Egov.SharedKernel.Reads;
using Egov.SharedKernel.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Egov.SharedKernel.Persistence;

/// <summary>Registers a module's DbContext, its outbox dispatcher and its place in the migration list.</summary>
public static class ModulePersistenceExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on PostgreSQL when <c>ConnectionStrings:Egov</c> is
    /// set (schema <paramref name="schema"/>, own migrations history table, migrations from the
    /// module's assembly), else on a SQLite file <c>{Database:DataDirectory}/egov-{schema}.db</c>;
    /// adds the module's outbox dispatcher as a hosted service.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.AddEgovDbContext<TContext>(configuration, schema);

        // A committed save that stored outbox messages wakes the module's dispatcher (ADR 0020).
        services.AddSingleton(sp => new WakeOnSave(typeof(TContext), typeof(OutboxMessage), sp.GetRequiredService<WorkSignal<OutboxDispatcher<TContext>>>()));
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    /// <summary>
    /// Registers a DbContext on Egov's database as <see cref="AddModuleDbContext{TContext}"/> does,
    /// without an outbox: PostgreSQL schema <paramref name="schema"/> with its own migrations history
    /// table when <c>ConnectionStrings:Egov</c> is set, else the SQLite file <c>egov-{schema}.db</c>.
    /// The context is added to the list of databases migrated at startup and checked for readiness.
    /// </summary>
    public static IServiceCollection AddEgovDbContext<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        string schema,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Queries name the context's sets inside other queries (db.InboxCursors…); EF Core reads them by reflection.
        ReflectionCaches.KeepAlive(typeof(TContext));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicReads(configuration);
        services.TryAddSingleton(typeof(WorkSignal<>));
        services.TryAddSingleton<AfterCommitInterceptor>();
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));
        // Pooled: a request leases a context whose EF services already exist (ADR 0030). Without the
        // pool every new context resolved EF's graph of internal scoped services again, about 6 % of
        // the host's CPU while drafts were created and saved (a perf profile of submit-load).
        services.AddDbContextPool<TContext>((sp, options) =>
        {
            // Read when the pool is first used (after the host is built), so configuration added late (tests, hosting) counts.
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                options.UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name)
                    .MigrationsHistoryTable("__ef_migrations_history", schema));
            }
            else
            {
                var settings = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var directory = Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, settings.DataDirectory);
                Directory.CreateDirectory(directory);
                options.UseSqlite($"Data Source={Path.Combine(directory, $"egov-{schema}.db")}");
            }

            options.UseSnakeCaseNamingConvention();

            // A failed query or save reaches its caller, which logs it once (the host's exception
            // handler; a background loop). EF's own error line would double every failure and, while
            // the database is away, write one error per request (a pooled connection that the stopped
            // server closed fails as a command, a new one as a connection).
            options.ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
            // Saves of public data invalidate the cached public reads once committed (ADR 0015).
            options.AddInterceptors(sp.GetRequiredService<PublicReadChangeInterceptor>());

            // Wake-ups of workers (outbox, deliveries, push) once the work is committed (ADR 0020).
            options.AddInterceptors(sp.GetRequiredService<AfterCommitInterceptor>());
            configure?.Invoke(sp, options);
        });
        return services;
    }

    /// <summary>
    /// Options for EF Core design-time tools (<c>dotnet ef migrations add</c>): always PostgreSQL,
    /// since migrations are kept for PostgreSQL only. No connection is opened.
    /// </summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string schema)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=egov_design", npgsql => npgsql
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name)
                .MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention()
            .Options;
}
