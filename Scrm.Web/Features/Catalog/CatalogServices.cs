using Scrm.Data.Saving;
using Scrm.Web.Features.Catalog.Import;

namespace Scrm.Web.Features.Catalog;

public static class CatalogServices
{
    /// <summary>Service items, spare parts and stock, their .xlsx import, and /admin/catalog/*.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<ServiceItemService>();
        services.AddScoped<SparePartService>();
        services.AddScoped<CatalogImportService>();
        services.AddSingleton<IInTransactionHandler, StockMovementRecorder>();
        return services;
    }
}
