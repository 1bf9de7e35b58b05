using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Auditing;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Scrm.Tests.Domain.Workflows;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// The audit rides in the same single save as the change it records (no second save, one transaction), and a JSON
/// column reads as what changed. (A created row's audit time from the TimeProvider: AuditTests.CreatingTicket_RecordsOneCreatedEntry.)
/// </summary>
public sealed class AuditPipelineTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly Actor Supervisor = new("sup-2", "Wang Wei", Role.Supervisor, ActorChannel.Web);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CreatingTicket_WritesTicketAndAudit_InOneSaveAndOneTransaction()
    {
        var ticket = new TicketBuilder().From(await database.SaveTemplateAsync()).Numbered(database.NextNumber())
            .WithField(TemplateBuilder.Note, "first visit").Build();
        var watcher = new SaveWatcher();

        await using (var db = database.CreateContext(Supervisor, _time, interceptor: watcher))
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        Assert.Equal(1, watcher.Saves);
        var tickets = watcher.Commands.Where(c => c.Sql.Contains("INSERT INTO \"Tickets\"", StringComparison.Ordinal)).ToList();
        var audits = watcher.Commands.Where(c => c.Sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tickets);
        Assert.NotEmpty(audits);
        var transaction = Assert.Single(tickets.Concat(audits).Select(c => c.Transaction).Distinct());
        Assert.NotNull(transaction);
        await using var fresh = database.CreateContext();
        Assert.Equal(1, await fresh.AuditEntries.CountAsync(a => a.TicketId == ticket.Id, _ct));
    }

    [Fact]
    public async Task EditingWorkflowGraph_IsAuditedAsAReadableSummary()
    {
        var template = await database.SaveTemplateAsync();
        var draft = WorkflowDefinition.Create(template.Id, "流程", WorkflowFixtures.Repair(), _time);
        await using (var db = database.CreateContext(Supervisor, _time))
        {
            db.WorkflowDefinitions.Add(draft);
            await db.SaveChangesAsync(_ct);
        }

        await using (var db = database.CreateContext(Supervisor, _time))
        {
            var loaded = await db.WorkflowDefinitions.SingleAsync(w => w.Id == draft.Id, _ct);
            loaded.SaveDraft("流程", RepairWithoutRejection(), _time);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var edit = Assert.Single(await fresh.AuditEntries.Where(a => a.WorkflowId == draft.Id && a.Action == AuditAction.Updated).ToListAsync(_ct));
        Assert.Equal(("Graph", "8 nodes, 8 links", "− end 驳回; − link 主管审批 → 驳回 (驳回)"), (edit.Field, edit.Before, edit.After));
    }

    /// <summary>The repair graph (<see cref="WorkflowFixtures.Repair"/>) without its rejection end and the link to it; the rest stays where it was.</summary>
    private static WorkflowGraph RepairWithoutRejection()
    {
        var graph = WorkflowFixtures.Repair();
        return graph with
        {
            Nodes = graph.Nodes.Where(n => n.Id != "rejected").ToList(),
            Transitions = graph.Transitions.Where(t => t.To != "rejected").ToList(),
        };
    }

    /// <summary>Counts the saves a context runs and records each command with the transaction it ran in.</summary>
    private sealed class SaveWatcher : IDbCommandInterceptor, ISaveChangesInterceptor
    {
        public int Saves { get; private set; }

        public List<(string Sql, DbTransaction? Transaction)> Commands { get; } = [];

        ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
        {
            Saves++;
            return ValueTask.FromResult(result);
        }

        ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
        {
            Commands.Add((command.CommandText, command.Transaction));
            return ValueTask.FromResult(result);
        }

        ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
        {
            Commands.Add((command.CommandText, command.Transaction));
            return ValueTask.FromResult(result);
        }
    }
}
