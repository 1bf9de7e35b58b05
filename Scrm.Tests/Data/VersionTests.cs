using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Scrm.Tests.Domain.Workflows;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// <c>Version</c> is bumped by the save pipeline alone: 1 when created, exactly one more per save that changes the
/// aggregate or any of its parts, untouched by a save that changes nothing, and never audited.
/// </summary>
public sealed class VersionTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task NewTicket_IsVersion1_AndEachChangingSaveAddsExactlyOne()
    {
        var id = await SaveTicketAsync(withWorkflow: false);
        Assert.Equal(1, await VersionOfAsync(id));

        await using (var db = database.CreateContext())
        {
            var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id, _ct);
            ticket.ChangeStatus(TicketStatus.InProgress, _time);
            ticket.ChangeStatus(TicketStatus.OnHold, _time); // two changes, one save: one bump
            await db.SaveChangesAsync(_ct);
        }

        Assert.Equal(2, await VersionOfAsync(id));
    }

    [Fact]
    public async Task SaveThatChangesNothing_LeavesVersionAlone()
    {
        var id = await SaveTicketAsync(withWorkflow: true);

        await using (var db = database.CreateContext())
        {
            await db.Tickets.Include(t => t.Fields).Include(t => t.Visits).SingleAsync(t => t.Id == id, _ct);
            Assert.Equal(0, await db.SaveChangesAsync(_ct));
        }

        Assert.Equal(1, await VersionOfAsync(id));
    }

    [Fact]
    public async Task ChangingOnlyAFieldValue_BumpsTheTicket()
    {
        var id = await SaveTicketAsync(withWorkflow: false);

        await using (var db = database.CreateContext())
        {
            var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id, _ct);
            // Only the part changes: the ticket row itself is not modified.
            db.Entry(ticket.Fields.Single(f => f.FieldKey == TemplateBuilder.Note)).Property(f => f.Value).CurrentValue = "second visit";
            await db.SaveChangesAsync(_ct);
            Assert.Equal(EntityState.Unchanged, db.Entry(ticket).State);
        }

        Assert.Equal(2, await VersionOfAsync(id));
    }

    [Fact]
    public async Task ChangingOnlyAVisit_BumpsTheTicket()
    {
        var id = await SaveTicketAsync(withWorkflow: true);

        await using (var db = database.CreateContext())
        {
            var ticket = await db.Tickets.Include(t => t.Visits).SingleAsync(t => t.Id == id, _ct);
            db.Entry(ticket.Visits.First()).Property(v => v.NodeName).CurrentValue = "受理（改名）";
            await db.SaveChangesAsync(_ct);
        }

        Assert.Equal(2, await VersionOfAsync(id));
    }

    [Fact]
    public async Task VersionBumps_AreNeverAudited()
    {
        var id = await SaveTicketAsync(withWorkflow: false);
        await using (var db = database.CreateContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == id, _ct);
            ticket.ChangeStatus(TicketStatus.InProgress, _time);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        Assert.Equal(2, await VersionOfAsync(id));
        Assert.Equal(["Status"], await fresh.AuditEntries.Where(a => a.TicketId == id && a.Field != null).Select(a => a.Field!).ToListAsync(_ct));
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.Field == "Version", _ct));
    }

    private async Task<long> SaveTicketAsync(bool withWorkflow)
    {
        var template = await database.SaveTemplateAsync();
        var builder = new TicketBuilder().From(template).Numbered(database.NextNumber()).WithField(TemplateBuilder.Note, "first visit");
        var ticket = builder.Build();
        await using var db = database.CreateContext();
        if (withWorkflow)
        {
            var workflow = WorkflowDefinition.Create(template.Id, "流程", WorkflowFixtures.Repair(), _time);
            workflow.Publish(template, WorkflowFixtures.Supervisor, _time);
            db.WorkflowDefinitions.Add(workflow);
            await db.SaveChangesAsync(_ct);
            ticket.StartWorkflow(workflow.Id, workflow.Graph, template, TicketFacts.None, WorkflowFixtures.Agent, _time);
        }

        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(_ct);
        return ticket.Id;
    }

    private async Task<long> VersionOfAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync(_ct);
    }
}
