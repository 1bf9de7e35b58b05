using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// Every public TicketService and LookupService method × every role, called directly as a forged circuit call would:
/// the policy alone lets it through or throws <see cref="ForbiddenException"/>. Calls that get through are made to
/// fail harmlessly afterwards (stale version, missing template, empty comment) so the table changes no data.
/// </summary>
public sealed class AccessMatrixTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private const long StaleVersion = -1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Who calls: a demo user, and whether the ticket is theirs (assigned technician / the customer's own). Both tickets
    // are in 上海: agent3 (刘洋, 杭州) is the desk, but outside the tickets' region.
    public static readonly string[] Callers = ["admin", "supervisor", "agent", "agent3", "tech1:own", "tech1:other", "finance", "sales", "customer:own", "customer:other"];

    private static readonly string[] Desk = ["admin", "supervisor", "agent"];
    private static readonly string[] AnyDesk = [.. Desk, "agent3"];
    private static readonly string[] Workers = [.. Desk, "tech1:own"];

    // Written out from the rules (RoleSets, TicketAccessRules), not computed from them.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Tickets.List"] = AnyDesk,
        ["Tickets.Get"] = [.. Workers, "customer:own"],
        ["Tickets.GetTemplateForNewTicket"] = AnyDesk,
        ["Tickets.Create"] = AnyDesk,
        ["Tickets.Edit"] = Desk,
        ["Tickets.ChangeStatus"] = Workers,
        ["Tickets.Transition"] = Workers,
        ["Tickets.FillAndTransition"] = Desk, // a board's required-fields dialog: the desk, in its region
        ["Tickets.FireTimer"] = [], // the timer job's system actor only
        ["Tickets.Comments"] = Workers,
        ["Tickets.AddComment"] = Workers,
        ["Tickets.MentionCandidates"] = Workers,
        ["Tickets.History"] = Workers,
        ["Tickets.Sla"] = Workers,
        ["Tickets.Rate"] = [.. Desk, "customer:own"], // not the technician who did the work
        ["Lookups.Cities"] = [.. AnyDesk, "tech1:own", "tech1:other", "finance", "sales"],
        ["Lookups.Tiers"] = [.. AnyDesk, "tech1:own", "tech1:other", "finance", "sales"],
        ["Lookups.People"] = AnyDesk,
        ["Lookups.Templates"] = AnyDesk,
        ["Lookups.SearchCustomers"] = AnyDesk,
        ["Lookups.FindCustomer"] = AnyDesk,
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in Allowed.Keys)
        {
            foreach (var caller in Callers)
            {
                data.Add(method, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Method_IsAllowedOrForbidden_AsThePolicySays(string method, string caller)
    {
        var (own, other) = await TicketsAsync();
        var userName = caller.Split(':')[0];
        var ticket = caller.EndsWith(":other", StringComparison.Ordinal) ? other : own;
        var actor = await app.ActorAsync(userName);
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var lookups = scope.ServiceProvider.GetRequiredService<LookupService>();

        var forbidden = await IsForbiddenAsync(() => Call(method, actor, ticket, tickets, lookups));

        Assert.Equal(!Allowed[method].Contains(caller), forbidden);
    }

    [Fact]
    public void Table_CoversEveryPublicMethod()
    {
        static IEnumerable<string> Methods(Type type, string prefix) => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => prefix + m.Name[..^"Async".Length]).Distinct(); // an overload shares its method's row

        Assert.Equal(Methods(typeof(TicketService), "Tickets.").Concat(Methods(typeof(LookupService), "Lookups.")).Order(), Allowed.Keys.Order());
    }

    private static Task Call(string method, Actor actor, long ticket, TicketService tickets, LookupService lookups) => method switch
    {
        "Tickets.List" => tickets.ListAsync(actor, new TicketQuery(), Ct),
        "Tickets.Get" => tickets.GetAsync(actor, ticket, Ct),
        "Tickets.GetTemplateForNewTicket" => tickets.GetTemplateForNewTicketAsync(actor, 1, Ct),
        "Tickets.Create" => tickets.CreateAsync(actor, new TicketForm { TemplateId = 0 }, Ct),
        "Tickets.Edit" => tickets.EditAsync(actor, ticket, new TicketForm { Version = StaleVersion }, Ct),
        "Tickets.ChangeStatus" => tickets.ChangeStatusAsync(actor, ticket, StaleVersion, TicketStatus.InProgress, Ct),
        "Tickets.Transition" => tickets.TransitionAsync(actor, ticket, StaleVersion, "accept->dispatch", Ct),
        "Tickets.FillAndTransition" => tickets.FillAndTransitionAsync(actor, ticket, StaleVersion, "accept->dispatch", new Dictionary<string, string?>(), Ct),
        "Tickets.FireTimer" => tickets.FireTimerAsync(actor, ticket, Ct),
        "Tickets.Comments" => tickets.CommentsAsync(actor, ticket, Ct),
        "Tickets.AddComment" => tickets.AddCommentAsync(actor, ticket, text: null, Ct),
        "Tickets.MentionCandidates" => tickets.MentionCandidatesAsync(actor, ticket, Ct),
        "Tickets.History" => tickets.HistoryAsync(actor, ticket, Ct),
        "Tickets.Sla" => tickets.SlaAsync(actor, ticket, Ct),
        "Tickets.Rate" => tickets.RateAsync(actor, ticket, StaleVersion, 5, null, Ct),
        "Lookups.Cities" => lookups.CitiesAsync(actor, Ct),
        "Lookups.Tiers" => lookups.TiersAsync(actor, Ct),
        "Lookups.People" => lookups.PeopleAsync(actor, [Role.Technician], Ct),
        "Lookups.Templates" => lookups.TemplatesAsync(actor, activeOnly: true, Ct),
        "Lookups.SearchCustomers" => lookups.SearchCustomersAsync(actor, "钱", Ct),
        "Lookups.FindCustomer" => lookups.FindCustomerAsync(actor, 1, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Add the method to the table."),
    };

    /// <summary>Forbidden, or let through (what happens next — a stale version, a refused input — is not the policy's business).</summary>
    private static async Task<bool> IsForbiddenAsync(Func<Task> call)
    {
        try
        {
            await call();
            return false;
        }
        catch (ForbiddenException)
        {
            return true;
        }
        catch (Exception e) when (e is DomainException or ConcurrencyConflictException)
        {
            return false;
        }
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (long Own, long Other)? _tickets;

    /// <summary>Two installation tickets made by the desk: one for tech1 and the customer 钱建国, one for tech2 and another customer.</summary>
    private async Task<(long Own, long Other)> TicketsAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            return _tickets ??= await CreateTicketsAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<(long, long)> CreateTicketsAsync()
    {
        await using var desk = await app.SignInAsync("agent");
        var service = desk.ServiceProvider.GetRequiredService<TicketService>();
        await using var db = await desk.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var tech = await db.UserProfiles.Where(u => u.UserName == "tech1" || u.UserName == "tech2").ToDictionaryAsync(u => u.UserName, u => u.Id, Ct);
        var customers = await db.Customers.Where(c => c.Name != "钱建国").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var own = await DemoTicketForms.InstallAsync(desk);
        own.CustomerId = await db.Customers.Where(c => c.Name == "钱建国").Select(c => c.Id).SingleAsync(Ct);
        own.AssigneeId = tech["tech1"];
        var other = await DemoTicketForms.InstallAsync(desk);
        other.CustomerId = customers;
        other.AssigneeId = tech["tech2"];
        return ((await service.CreateAsync(await desk.ActorAsync(), own, Ct)).Id, (await service.CreateAsync(await desk.ActorAsync(), other, Ct)).Id);
    }
}
