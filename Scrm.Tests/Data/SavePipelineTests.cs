using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// The one save pipeline end to end on real SQLite: an event raised before the ticket has an id reaches its
/// in-transaction handler, the outbox and the change feed with the id the database gave; a failing handler undoes all.
/// </summary>
public sealed class SavePipelineTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly Actor Agent = new("agent-7", "Li Na", Role.Agent, ActorChannel.Web);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
    private readonly InProcessChangeFeed _feed = new();

    [Fact]
    public async Task EventRaisedBeforeFirstSave_ReachesHandlerOutboxAndFeed_WithTheRealTicketId()
    {
        var handler = new Recording<TicketCreated>();
        var heard = new List<Change>();
        using var _ = _feed.Subscribe(heard.AddRange);
        var ticket = await NewTicketAsync();
        Assert.Equal(0, ticket.Id); // not saved yet: the event holds the ticket, not a copy of this 0

        await using (var db = Context(handler, typeof(TicketCreated)))
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        Assert.True(ticket.Id > 0);
        var handled = Assert.Single(handler.Seen);
        Assert.Same(ticket, handled.Ticket);
        Assert.Equal(ticket.Id, handled.TicketId);
        var change = Assert.Single(heard);
        Assert.Equal((ChangeKinds.Ticket, ticket.Id, 1L, "agent-7"), (change.Kind, change.Id, change.Version, change.ActorId));
        Assert.Contains("TicketCreated", change.What);
        await using var fresh = database.CreateContext();
        var outbox = Assert.Single(await fresh.OutboxMessages.Where(m => m.TicketId == ticket.Id).ToListAsync(_ct));
        Assert.Equal(("TicketCreated", new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc)), (outbox.Type, outbox.CreatedAt));
    }

    [Fact]
    public async Task HandlerThatThrows_RollsBackTicketAuditAndOutbox_AndTellsTheFeedNothing()
    {
        var heard = new List<Change>();
        using var _ = _feed.Subscribe(heard.AddRange);
        var ticket = await NewTicketAsync();
        var outboxBefore = await CountOutboxAsync();

        // As TicketService.CreateAsync does: an explicit transaction; the first save succeeds, the second one's handler throws.
        await using (var db = Context(new Throwing<TicketStatusChanged>(), typeof(TicketCreated)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(_ct);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
            ticket.ChangeStatus(TicketStatus.Cancelled, _clock);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(_ct));
        }

        await using var fresh = database.CreateContext();
        Assert.False(await fresh.Tickets.AnyAsync(t => t.Number == ticket.Number, _ct));
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.After == ticket.Number, _ct));
        Assert.Equal(outboxBefore, await CountOutboxAsync());
        Assert.Empty(heard);
    }

    [Fact]
    public async Task HandlerThatThrows_InAPlainSave_SavesNothingAndTellsTheFeedNothing()
    {
        var heard = new List<Change>();
        using var _ = _feed.Subscribe(heard.AddRange);
        var ticket = await NewTicketAsync();
        var outboxBefore = await CountOutboxAsync();

        await using (var db = Context(new Throwing<TicketCreated>(), typeof(TicketCreated)))
        {
            db.Tickets.Add(ticket);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(_ct));
        }

        await using var fresh = database.CreateContext();
        Assert.False(await fresh.Tickets.AnyAsync(t => t.Number == ticket.Number, _ct));
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.After == ticket.Number, _ct));
        Assert.Equal(outboxBefore, await CountOutboxAsync());
        Assert.Empty(heard);
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommit_IsNeverPublished_ByALaterSaveOfTheSameContext()
    {
        var heard = new List<Change>();
        using var _ = _feed.Subscribe(heard.AddRange);
        var abandoned = await NewTicketAsync();
        var kept = await NewTicketAsync();

        await using (var db = Context(new Recording<TicketCreated>()))
        {
            await using (await db.Database.BeginTransactionAsync(_ct))
            {
                db.Tickets.Add(abandoned);
                await db.SaveChangesAsync(_ct);
            } // disposed without commit: rolled back

            db.ChangeTracker.Clear();
            db.Tickets.Add(kept);
            await db.SaveChangesAsync(_ct);
        }

        var change = Assert.Single(heard);
        Assert.Equal(kept.Id, change.Id);
    }

    private Scrm.Data.Providers.SqliteScrmDbContext Context(IInTransactionHandler handler, params Type[] outboxTypes) =>
        database.CreateContext(Agent, _clock, new SaveServices(_clock, [handler], new OutboxRoutes(outboxTypes), _feed));

    private async Task<Ticket> NewTicketAsync() =>
        new TicketBuilder().From(await database.SaveTemplateAsync()).Numbered(database.NextNumber()).Build();

    private async Task<int> CountOutboxAsync()
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.CountAsync(_ct);
    }

    private sealed class Recording<TEvent> : InTransactionHandler<TEvent> where TEvent : IDomainEvent
    {
        public List<TEvent> Seen { get; } = [];

        protected override Task HandleAsync(TEvent domainEvent, ScrmDbContext db, CancellationToken ct)
        {
            Seen.Add(domainEvent);
            return Task.CompletedTask;
        }
    }

    private sealed class Throwing<TEvent> : InTransactionHandler<TEvent> where TEvent : IDomainEvent
    {
        protected override Task HandleAsync(TEvent domainEvent, ScrmDbContext db, CancellationToken ct) =>
            throw new InvalidOperationException("The ledger refused the posting.");
    }
}
