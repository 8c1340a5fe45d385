using Egov.Modules.Forms.Persistence;
using Egov.SharedKernel.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Egov.Modules.Forms;

/// <summary>
/// Entry point of the Forms module: the form catalog, online applications, attachments, PDF
/// receipts and staff case handling.
/// </summary>
public static class FormsModule
{
    /// <summary>Registers the module's database (schema <c>forms</c>), outbox dispatcher and validators.</summary>
    public static IServiceCollection AddFormsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FormsDbContext>(configuration, FormsDbContext.SchemaName);
        services.AddValidatorsFromAssembly(typeof(FormsModule).Assembly, includeInternalTypes: true);
        return services;
    }

    /// <summary>Maps the module's endpoints under <c>/api/v1/forms</c>, <c>/applications</c>, <c>/cases</c> (none yet).</summary>
    public static IEndpointRouteBuilder MapFormsEndpoints(this IEndpointRouteBuilder app) => app;
}
