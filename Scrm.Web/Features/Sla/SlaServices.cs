using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Sla;

namespace Scrm.Web.Features.Sla;

public static class SlaServices
{
    /// <summary>SLA clocks, their rules, the escalation job and /admin/sla.</summary>
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddSingleton<SlaRulesCache>();
        services.AddSingleton<SlaReader>();
        services.AddScoped<SlaAdminService>();
        services.AddSingleton<IInTransactionHandler, SlaClockKeeper>();
        services.AddOutboxConsumer<SlaEscalationSent, SlaEscalationConsumer>();
        services.AddSingleton<SlaEscalationService>();
        return services;
    }
}
