using Scrm.Data.Saving;

namespace Scrm.Web.Features.Settlements;

public static class SettlementServices
{
    /// <summary>Work recorded on tickets, settlement at completion, the earnings ledger.</summary>
    public static IServiceCollection AddSettlements(this IServiceCollection services)
    {
        services.AddScoped<WorkService>();
        services.AddSingleton<IInTransactionHandler, SettleOnCompletion>();
        services.AddSingleton<IInTransactionHandler, LedgerWriter>();
        services.AddSingleton<IInTransactionHandler, WorkStock>();
        return services;
    }
}
