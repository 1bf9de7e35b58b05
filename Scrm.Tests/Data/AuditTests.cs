using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Domain.Auditing;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class AuditTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly Actor _agent = new("agent-7", "Li Na", Role.Agent, ActorChannel.Web);
    private static readonly Actor _supervisor = new("sup-2", "Wang Wei", Role.Supervisor, ActorChannel.Web);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CreatingTicket_RecordsOneCreatedEntry()
    {
        var (ticket, _) = await CreateTicketAsync();

        await using var db = database.CreateContext();
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.TicketId == ticket.Id).ToListAsync(_ct));

        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("Ticket", entry.EntityType);
        Assert.Null(entry.EntityId); // created in that save: the ticket's key column says whose it is
        Assert.Equal(ticket.Number, entry.After);
        Assert.Null(entry.Field);
        Assert.Null(entry.Before);
        Assert.Equal((_agent.UserId, _agent.DisplayName), (entry.ActorId, entry.ActorName));
        // The audit's clock, not the entity's own CreatedAt.
        Assert.Equal(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), entry.At);
    }

    [Fact]
    public async Task EditingTicket_RecordsEachChangedFieldWithBeforeAndAfter()
    {
        var (ticket, builder) = await CreateTicketAsync();
        _clock.Advance(TimeSpan.FromMinutes(30));

        await using (var db = database.CreateContext(_supervisor, _clock))
        {
            var loaded = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
            loaded.Edit(builder.Template, builder.Details with { Title = "Printer fixed, toner low" },
                new Dictionary<string, string?>
                {
                    [TemplateBuilder.Note] = "second visit", // changed
                    [TemplateBuilder.Quantity] = "3",        // added
                    // amount left out: removed
                },
                builder.Time);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var edits = await fresh.AuditEntries.Where(a => a.TicketId == ticket.Id && a.Action == AuditAction.Updated).ToListAsync(_ct);

        Assert.Equal(
            new[]
            {
                ("Title", (string?)"Printer jams on every page", (string?)"Printer fixed, toner low"),
                ("Fields.note", "first visit", "second visit"),
                ("Fields.quantity", null, "3"),
                ("Fields.amount", "12.00", null),
            }.Order(),
            edits.Select(e => (e.Field!, e.Before, e.After)).Order());
        Assert.All(edits, e =>
        {
            Assert.Equal("Ticket", e.EntityType);
            Assert.Equal(ticket.Id.ToString(CultureInfo.InvariantCulture), e.EntityId);
            Assert.Equal((_supervisor.UserId, _supervisor.DisplayName), (e.ActorId, e.ActorName));
            Assert.Equal(new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc), e.At);
        });
    }

    [Fact]
    public async Task ChangingStatus_RecordsStatusButNotVersionOrUpdatedAt()
    {
        var (ticket, builder) = await CreateTicketAsync();

        await using (var db = database.CreateContext(_supervisor, _clock))
        {
            var loaded = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, _ct);
            builder.Time.Advance(TimeSpan.FromHours(1));
            loaded.ChangeStatus(TicketStatus.InProgress, builder.Time);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var edit = Assert.Single(await fresh.AuditEntries.Where(a => a.TicketId == ticket.Id && a.Action == AuditAction.Updated).ToListAsync(_ct));
        Assert.Equal(("Status", "New", "InProgress"), (edit.Field, edit.Before, edit.After));
    }

    [Fact]
    public async Task SavingWithoutChanges_RecordsNothing()
    {
        var (ticket, _) = await CreateTicketAsync();

        await using (var db = database.CreateContext(_supervisor, _clock))
        {
            await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        Assert.Equal(1, await fresh.AuditEntries.CountAsync(a => a.TicketId == ticket.Id, _ct));
    }

    // The audit rows are written by a second save after the first has been accepted; a caller that asks
    // not to accept would get the first batch saved twice (a second insert of every new row).
    private async Task<(Ticket Ticket, TicketBuilder Builder)> CreateTicketAsync()
    {
        var template = await database.SaveTemplateAsync();
        var builder = new TicketBuilder().From(template).Numbered(database.NextNumber())
            .WithField(TemplateBuilder.Note, "first visit")
            .WithField(TemplateBuilder.Amount, "12");
        var ticket = builder.Build();
        await using var db = database.CreateContext(_agent, _clock);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(_ct);
        return (ticket, builder);
    }
}
