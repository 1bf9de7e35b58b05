using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The ticket page of 赵强 (tech1): a job whose form links a customer opens and names that customer, though customer lookups are the desk's.</summary>
public sealed class TechnicianTicketPageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "tech1";

    [Fact]
    public async Task TicketPage_OfAJobWithALinkedCustomer_Opens_AndNamesTheCustomer()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var tech1 = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Ct);
        var job = await db.Tickets.Where(t => t.AssigneeId == tech1 && t.Fields.Any(f => f.FieldKey == "linked_customer"))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title, Linked = t.Fields.Single(f => f.FieldKey == "linked_customer").Value }).FirstAsync(Ct);
        var linkedId = long.Parse(job.Linked, System.Globalization.CultureInfo.InvariantCulture);
        var linkedName = await db.Customers.Where(c => c.Id == linkedId).Select(c => c.Name).SingleAsync(Ct);
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.Equal(job.Title, cut.Find("[data-testid=ticket-title-view]").TextContent.Trim()));
        Assert.Equal(linkedName, cut.Find("[data-field=linked_customer]").TextContent.Trim());
    }
}
