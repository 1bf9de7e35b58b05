using Scrm.Data.Outbox;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

public static class FinanceServices
{
    /// <summary>Finance's pages (held queue, statements, reconciliation) and the automatic retry of held settlements.</summary>
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<SettlementService>();
        services.AddScoped<StatementService>();
        services.AddScoped<ReconciliationService>();
        services.AddOutboxConsumer<PriceBookPublished, RetryHeldSettlements>();
        services.AddOutboxConsumer<WorkRecorded, RetryHeldSettlements>();
        services.AddOutboxConsumer<WorkRemoved, RetryHeldSettlements>();
        return services;
    }
}
