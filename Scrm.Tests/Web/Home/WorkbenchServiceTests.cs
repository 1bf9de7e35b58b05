using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Home;

/// <summary>"/" for every role: only counts and tickets that role may open.</summary>
public sealed class WorkbenchServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Desk_SeesTheWholeCompanysOpenWork()
    {
        var view = await WorkbenchAsync("agent");

        Assert.Equal(WorkbenchKind.Desk, view.Kind);
        Assert.NotNull(view.Counts);
        Assert.NotEmpty(view.Tickets);
    }

    [Fact]
    public async Task Technician_SeesOnlyOwnJobs()
    {
        var view = await WorkbenchAsync("tech1");

        Assert.Equal(WorkbenchKind.Technician, view.Kind);
        Assert.NotEmpty(view.Tickets);
        Assert.All(view.Tickets, t => Assert.Equal("赵强", t.AssigneeName));
    }

    [Fact]
    public async Task Technician_SeesEveryOpenJob_NotOnlyTheFirstTen()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
            var tech2 = await db.UserProfiles.Where(u => u.UserName == "tech2").Select(u => u.Id).SingleAsync(Ct);
            var template = new TicketTemplate("Workbench jobs", null);
            db.TicketTemplates.Add(template);
            await db.SaveChangesAsync(Ct);
            for (var i = 1; i <= 12; i++)
            {
                db.Tickets.Add(new TicketBuilder().From(template).Numbered(new TicketNumber(new DateOnly(2025, 1, 1), i)).AssignedTo(tech2).Build());
            }

            await db.SaveChangesAsync(Ct);
        }

        var view = await WorkbenchAsync("tech2");

        Assert.True(view.Counts!.Open > 12, $"tech2 has {view.Counts.Open} open jobs");
        Assert.Equal(view.Counts.Open, view.Tickets.Count);
    }

    [Theory]
    [InlineData("finance", WorkbenchKind.Finance)]
    [InlineData("sales", WorkbenchKind.Sales)]
    public async Task FinanceAndSales_GetNoTicketCountsTheyCannotOpen(string userName, WorkbenchKind kind)
    {
        var view = await WorkbenchAsync(userName);

        Assert.Equal((kind, (WorkbenchCounts?)null), (view.Kind, view.Counts));
        Assert.Empty(view.Tickets);
    }

    [Fact]
    public async Task Customer_SeesOwnTicketsOnly()
    {
        await using (var desk = await app.SignInAsync("agent"))
        {
            await using var db = await desk.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
            var customer = await db.Customers.SingleAsync(c => c.Name == "钱建国", Ct);
            await desk.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await desk.ActorAsync(), new TicketForm
            {
                TemplateId = await db.TicketTemplates.Where(t => t.Name == "维修工单").Select(t => t.Id).SingleAsync(Ct),
                Title = "钱先生家冰箱不制冷",
                CustomerId = customer.Id,
                Fields = new(StringComparer.Ordinal) { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
            }, Ct);
        }

        var view = await WorkbenchAsync("customer");

        Assert.Equal((WorkbenchKind.Customer, (WorkbenchCounts?)null), (view.Kind, view.Counts));
        Assert.Contains(view.Tickets, t => t.Title == "钱先生家冰箱不制冷");
        Assert.All(view.Tickets, t => Assert.Equal("钱建国", t.CustomerName));
    }

    private async Task<WorkbenchView> WorkbenchAsync(string userName)
    {
        await using var scope = await app.SignInAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<WorkbenchService>().GetAsync(await scope.ActorAsync(), Ct);
    }
}
