using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>Valid new-ticket forms for the demo company's templates, as the desk fills them in.</summary>
public static class DemoTicketForms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TicketForm> InstallAsync(AsyncServiceScope scope)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var template = await db.TicketTemplates.SingleAsync(t => t.Name == "安装工单", Ct);
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync(Ct);
        return new TicketForm
        {
            TemplateId = template.Id,
            Title = "空调上门安装",
            Urgency = Urgency.High,
            CustomerId = customer.Id,
            RegionId = customer.RegionId,
            Fields = new(StringComparer.Ordinal)
            {
                ["product_type"] = "空调",
                ["model"] = "KFR-35GW",
                ["address"] = "上海南京西路100号",
                ["contact_phone"] = "13800138000",
                ["high_altitude"] = "true",
                ["extra_fee"] = "350",
                ["purchase_date"] = "2026-11-20",
            },
        };
    }

    public static async Task<TicketForm> RepairAsync(AsyncServiceScope scope)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var template = await db.TicketTemplates.SingleAsync(t => t.Name == "维修工单", Ct);
        return new TicketForm
        {
            TemplateId = template.Id,
            Title = "冰箱不制冷",
            Urgency = Urgency.Normal,
            Fields = new(StringComparer.Ordinal)
            {
                ["fault_types"] = "不制冷",
                ["warranty"] = "延保",
                ["contact_phone"] = "13800138000",
            },
        };
    }
}
