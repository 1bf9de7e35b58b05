using Microsoft.EntityFrameworkCore;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class ConcurrencyTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondSave_Throws_WhenTicketChangedSinceLoaded()
    {
        var template = await database.SaveTemplateAsync();
        var builder = new TicketBuilder().From(template).Numbered(database.NextNumber()).WithField(TemplateBuilder.Note, "original");
        var ticket = builder.Build();
        await using (var db = database.CreateContext())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
        var theirs = await second.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);

        mine.Edit(template, builder.Details with { Title = "Edited by the first" }, Note("from first"), builder.Time);
        await first.SaveChangesAsync(_ct);
        theirs.Edit(template, builder.Details with { Title = "Edited by the second" }, Note("from second"), builder.Time);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(_ct));

        await using var fresh = database.CreateContext();
        var stored = await fresh.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
        Assert.Equal("Edited by the first", stored.Title);
        Assert.Equal("from first", stored.FieldValueMap[TemplateBuilder.Note]);
        Assert.Equal(2, stored.Version);
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.TicketId == ticket.Id && a.After == "from second", _ct));
    }

    [Fact]
    public async Task StatusChange_Throws_WhenTicketEditedMeanwhile()
    {
        var template = await database.SaveTemplateAsync();
        var builder = new TicketBuilder().From(template).Numbered(database.NextNumber());
        var ticket = builder.Build();
        await using (var db = database.CreateContext())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
        var theirs = await second.Tickets.SingleAsync(t => t.Id == ticket.Id, _ct);

        mine.Edit(template, builder.Details with { Title = "Renamed" }, Note(null), builder.Time);
        await first.SaveChangesAsync(_ct);
        theirs.ChangeStatus(Scrm.Domain.Tickets.TicketStatus.Cancelled, builder.Time);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(_ct));
        await using var fresh = database.CreateContext();
        Assert.Equal(Scrm.Domain.Tickets.TicketStatus.New, (await fresh.Tickets.SingleAsync(t => t.Id == ticket.Id, _ct)).Status);
    }

    private static Dictionary<string, string?> Note(string? value) => new() { [TemplateBuilder.Note] = value };
}
