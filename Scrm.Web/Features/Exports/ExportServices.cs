using Microsoft.Extensions.DependencyInjection.Extensions;
using Scrm.Data.Outbox;
using Scrm.Domain.Exports;

namespace Scrm.Web.Features.Exports;

public static class ExportServices
{
    /// <summary>
    /// The bulk export: its service, the worker that runs a request (an outbox consumer) and the cleanup job. The files'
    /// folder comes from the app's settings (<see cref="ExportFiles.For"/>, registered by the host); without a host
    /// (tests, tools) it is a folder of the machine's temp directory.
    /// </summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.TryAddSingleton(new ExportFiles(Path.Combine(Path.GetTempPath(), "scrm-exports")));
        services.AddScoped<ExportService>();
        services.AddSingleton<TicketExporter>();
        services.AddOutboxConsumer<ExportRequested, ExportRunner>();
        services.AddSingleton<ExportCleanupService>();
        return services;
    }
}
