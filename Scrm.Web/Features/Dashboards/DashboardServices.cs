namespace Scrm.Web.Features.Dashboards;

public static class DashboardServices
{
    /// <summary>The dashboards' readers (the rollups they read are kept by Scrm.Data's save pipeline).</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<IRevenueDashboardReader, RevenueDashboardReader>();
        services.AddScoped<IOperationsDashboardReader, OperationsDashboardReader>();
        services.AddScoped<DashboardRegionNames>();
        return services;
    }
}
