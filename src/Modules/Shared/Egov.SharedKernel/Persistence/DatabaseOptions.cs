namespace Egov.SharedKernel.Persistence;

/// <summary>
/// Database settings, from configuration: <c>ConnectionStrings:Egov</c> and section <c>Database</c>.
/// </summary>
/// <remarks>
/// With a connection string Egov uses PostgreSQL (production and tests). Without one it falls back
/// to SQLite files under <see cref="DataDirectory"/>, one file per module, for a zero-setup start;
/// SQLite databases are created from the model and are not migrated (delete them after an upgrade).
/// </remarks>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Database";

    /// <summary>Name of the connection string (<c>ConnectionStrings:Egov</c>).</summary>
    public const string ConnectionStringName = "Egov";

    /// <summary>Folder of the SQLite files; relative paths are below the host's content root (default <c>data</c>).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Whether the host applies pending migrations at startup (default true). Switch off in
    /// production when migrations are applied separately (<c>Egov.Host migrate</c>).
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;
}
