using Scrm.Data.Rollups;
using Scrm.Data.Saving;

namespace Scrm.Web.Features.Dashboards;

public static class DashboardServices
{
    /// <summary>The dashboards: the rollups' in-transaction handlers (decision 0016) and the readers.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<IInTransactionHandler, TicketRollups>();
        services.AddSingleton<IInTransactionHandler, MoneyRollups>();
        services.AddSingleton<DashboardReadCache>();
        services.AddScoped<IRevenueDashboardReader, RevenueDashboardReader>();
        services.AddScoped<IOperationsDashboardReader, OperationsDashboardReader>();
        services.AddScoped<DashboardRegionService>();
        services.AddScoped<Dwell.IDwellTimeReader, Dwell.DwellTimeReader>();
        return services;
    }
}
