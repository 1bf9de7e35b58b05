namespace Scrm.Web.Features.Pricing;

public static class PricingServices
{
    /// <summary>Price book versions: drafting, maker-checker approval, the simulation, /admin/prices.</summary>
    public static IServiceCollection AddPricing(this IServiceCollection services)
    {
        services.AddScoped<PriceBookService>();
        return services;
    }
}
