using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// What a desk user with regions may put into a ticket and pick from, and what their home page counts: 刘洋 (agent3) and
/// 周婷 (supervisor2) work in 杭州, 林峰 (director) for 浙江省; 张敏 (agent) is the central desk.
/// </summary>
public sealed class RegionScopeChangeTests(ServiceFixture app) : IClassFixture<ServiceFixture>, IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Theory]
    [InlineData("上海", "RegionOutOfScope")]
    [InlineData(null, "RegionRequired")]
    public async Task Create_OutsideTheScope_IsRefusedBesideTheRegion_AndSavesNothing(string? city, string code)
    {
        var form = await RepairFormAsync(customerIn: "杭州", regionIn: city);
        var before = await TicketCountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await Tickets().CreateAsync(await app.ActorAsync("agent3"), form, Ct));

        Assert.Equal((code, "RegionId"), (refused.Code, refused.Field));
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Create_ForACustomerOutsideTheScope_IsRefusedBesideTheCustomer()
    {
        var form = await RepairFormAsync(customerIn: "上海", regionIn: "杭州");
        var before = await TicketCountAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await Tickets().CreateAsync(await app.ActorAsync("agent3"), form, Ct));

        Assert.Equal(("CustomerNotFound", "CustomerId"), (refused.Code, refused.Field));
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Create_InTheirCity_IsSaved_AndOpensForTheirSupervisor()
    {
        var form = await RepairFormAsync(customerIn: "杭州", regionIn: "杭州");

        var (id, _) = await Tickets().CreateAsync(await app.ActorAsync("agent3"), form, Ct);

        var view = await Tickets().GetAsync(await app.ActorAsync("supervisor2"), id, Ct);
        Assert.Equal(("杭州", TicketAccess.Desk), (view!.RegionName, view.Access));
    }

    [Fact]
    public async Task Edit_MovingATicketToAnotherRegion_IsRefused_AndKeepsIt()
    {
        var (id, version) = await CreateAsCentralAsync(customerIn: "杭州", regionIn: "杭州");
        var supervisor2 = await app.ActorAsync("supervisor2");
        var form = TicketForm.Edit((await Tickets().GetAsync(supervisor2, id, Ct))!);
        form.RegionId = await app.RegionIdAsync("上海");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Tickets().EditAsync(supervisor2, id, form, Ct));

        Assert.Equal(("RegionOutOfScope", "RegionId"), (refused.Code, refused.Field));
        await using var db = await app.DbAsync();
        Assert.Equal((version, await app.RegionIdAsync("杭州")), await db.Tickets.Where(t => t.Id == id).Select(t => ValueTuple.Create(t.Version, t.RegionId!.Value)).SingleAsync(Ct));
    }

    [Fact]
    public async Task Edit_KeepingACustomerFromAnotherRegion_IsSaved()
    {
        // The central desk put a 上海 customer's job in 杭州; 杭州's supervisor may still work on it.
        var (id, _) = await CreateAsCentralAsync(customerIn: "上海", regionIn: "杭州");
        var supervisor2 = await app.ActorAsync("supervisor2");
        var form = TicketForm.Edit((await Tickets().GetAsync(supervisor2, id, Ct))!);
        form.Title = "改派杭州师傅";

        await Tickets().EditAsync(supervisor2, id, form, Ct);

        Assert.Equal("改派杭州师傅", (await Tickets().GetAsync(supervisor2, id, Ct))!.Title);
    }

    [Fact]
    public async Task CustomerSearch_OfAHangzhouAgent_FindsOnlyHangzhouCustomers()
    {
        var lookups = Lookups();
        var agent3 = await app.ActorAsync("agent3");
        var shanghaiCustomer = await CustomerInAsync("上海");
        var noRegion = await CustomerWithoutRegionAsync();

        var shanghai = await lookups.SearchCustomersAsync(agent3, "上海", Ct);
        var everyone = await lookups.SearchCustomersAsync(agent3, null, Ct);

        Assert.Empty(shanghai);
        Assert.NotEmpty(await lookups.SearchCustomersAsync(await app.ActorAsync("agent"), "上海", Ct));
        var hangzhou = await app.RegionIdAsync("杭州");
        await using var db = await app.DbAsync();
        Assert.Equal(Math.Min(20, await db.Customers.CountAsync(c => c.RegionId == hangzhou, Ct)), everyone.Count);
        Assert.All(everyone, c => Assert.Equal(hangzhou, c.RegionId));
        Assert.Null(await lookups.FindCustomerAsync(agent3, shanghaiCustomer, Ct));
        Assert.Null(await lookups.FindCustomerAsync(agent3, noRegion, Ct));
        Assert.Equal(noRegion, (await lookups.FindCustomerAsync(await app.ActorAsync("agent"), noRegion, Ct))!.Id);
    }

    [Theory]
    [InlineData("agent3", new[] { "杭州" })]
    [InlineData("director", new[] { "宁波", "杭州", "湖州" })]
    [InlineData("agent", new[] { "上海", "宁波", "杭州", "湖州" })]
    public async Task Cities_AreTheUsersOwn(string userName, string[] expected)
    {
        var cities = await Lookups().CitiesAsync(await app.ActorAsync(userName), Ct);

        Assert.Equal(expected, cities.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Workbench_OfAHangzhouAgent_CountsOnlyHangzhouTickets()
    {
        var workbench = _scope.ServiceProvider.GetRequiredService<WorkbenchService>();

        var view = await workbench.GetAsync(await app.ActorAsync("agent3"), Ct);
        var central = await workbench.GetAsync(await app.ActorAsync("agent"), Ct);

        var hangzhou = await app.RegionIdAsync("杭州");
        TicketStatus[] open = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold];
        await using var db = await app.DbAsync();
        var openInHangzhou = db.Tickets.Where(t => t.RegionId == hangzhou && open.Contains(t.Status));
        Assert.Equal(await openInHangzhou.CountAsync(Ct), view.Counts!.Open);
        Assert.Equal(await openInHangzhou.CountAsync(t => t.Urgency == Urgency.Urgent, Ct), view.Counts.UrgentOpen);
        Assert.True(central.Counts!.Open > view.Counts.Open, $"central {central.Counts.Open}, 杭州 {view.Counts.Open}");
        Assert.NotEmpty(view.Tickets);
        Assert.All(view.Tickets, t => Assert.Equal("杭州", t.RegionName));
    }

    [Fact]
    public async Task ATicketInARetiredCity_StaysInTheScopeOfItsProvince()
    {
        var (cityId, ticketId) = await TicketInARetiredCityAsync();
        var tickets = Tickets();
        var director = await app.ActorAsync("director");
        var supervisor2 = await app.ActorAsync("supervisor2");

        var seen = await tickets.GetAsync(director, ticketId, Ct);
        var listed = await tickets.ListAsync(director, new TicketQuery { RegionId = cityId }, Ct);

        Assert.Equal(ticketId, seen!.Id);
        Assert.Equal([ticketId], listed.Items.Select(r => r.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.GetAsync(supervisor2, ticketId, Ct));
        Assert.DoesNotContain(await Lookups().CitiesAsync(director, Ct), c => c.Id == cityId);
    }

    private TicketService Tickets() => _scope.ServiceProvider.GetRequiredService<TicketService>();

    private LookupService Lookups() => _scope.ServiceProvider.GetRequiredService<LookupService>();

    private async Task<int> TicketCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Tickets.CountAsync(Ct);
    }

    private async Task<long> CustomerInAsync(string city)
    {
        var regionId = await app.RegionIdAsync(city);
        await using var db = await app.DbAsync();
        return await db.Customers.Where(c => c.RegionId == regionId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
    }

    private async Task<long> CustomerWithoutRegionAsync()
    {
        await using var db = await app.DbAsync();
        var customer = new Customer("无区域客户", null, null, regionId: null, CustomerLevel.Standard);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    /// <summary>A valid repair form for a customer in <paramref name="customerIn"/>, placed in <paramref name="regionIn"/> (null: none).</summary>
    private async Task<TicketForm> RepairFormAsync(string customerIn, string? regionIn)
    {
        var form = await DemoTicketForms.RepairAsync(_scope);
        form.CustomerId = await CustomerInAsync(customerIn);
        form.RegionId = regionIn is null ? null : await app.RegionIdAsync(regionIn);
        return form;
    }

    private async Task<(long Id, long Version)> CreateAsCentralAsync(string customerIn, string regionIn)
    {
        var agent = await app.ActorAsync("agent");
        var (id, _) = await Tickets().CreateAsync(agent, await RepairFormAsync(customerIn, regionIn), Ct);
        return (id, (await Tickets().GetAsync(agent, id, Ct))!.Version);
    }

    /// <summary>A new 浙江 city 绍兴 with a ticket the central desk put there; then the city is retired.</summary>
    private async Task<(long CityId, long TicketId)> TicketInARetiredCityAsync()
    {
        long cityId;
        await using (var db = await app.DbAsync())
        {
            var zhejiang = await db.Regions.SingleAsync(r => r.Name == "浙江省", Ct);
            var city = Region.City(zhejiang, "绍兴", await db.PriceTiers.SingleAsync(t => t.Code == "B", Ct), new DateOnly(2024, 1, 1));
            db.Regions.Add(city);
            await db.SaveChangesAsync(Ct);
            cityId = city.Id;
        }

        await using var scope = await app.SignInAsync("agent");
        var form = await DemoTicketForms.RepairAsync(scope);
        form.RegionId = cityId;
        var (ticketId, _) = await Tickets().CreateAsync(await scope.ActorAsync(), form, Ct);
        await using (var db = await app.DbAsync())
        {
            (await db.Regions.SingleAsync(r => r.Id == cityId, Ct)).Retire();
            await db.SaveChangesAsync(Ct);
        }

        return (cityId, ticketId);
    }
}
