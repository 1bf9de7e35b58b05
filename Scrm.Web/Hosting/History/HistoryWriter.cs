using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Hosting.History;

/// <summary>
/// Writes generated tickets as the EF model stores them (see the Sqlite model snapshot): the ticket, its custom fields,
/// node visits, work lines, settlements with their lines, and the ledger entries <see cref="EarningsEntry.For"/> makes
/// for each posting and reversal. Row ids are taken from the table's current maximum on.
/// </summary>
internal sealed class HistoryWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly BulkInsert _tickets, _fields, _visits, _work, _settlements, _lines, _ledger;
    private readonly Dictionary<string, long> _nextIds = [];
    private SqliteTransaction? _transaction;

    public HistoryWriter(SqliteConnection connection)
    {
        _connection = connection;
        _tickets = new(connection, "Tickets", "Id", "AssigneeId", "CreatedAt", "CreatedById", "CurrentNodeId", "CustomerId", "Description", "Number",
            "RegionId", "Status", "TemplateId", "TimerDueAt", "Title", "UpdatedAt", "Urgency", "Version", "WorkflowId", "AwaitingSettlement",
            "TimerFailures", "FirstRespondedAt", "SlaBreachedAt", "SlaStoppedAt", "AssignedAt", "RatedAt", "Rating", "RatingComment", "ReopenCount");
        _fields = new(connection, "TicketFieldValue", "Id", "TicketId", "FieldKey", "Value");
        _visits = new(connection, "NodeVisit", "Id", "TicketId", "NodeId", "NodeName", "Kind", "EnteredAt", "ExitedAt", "ExitedById", "ExitedByName", "ExitedVia");
        _work = new(connection, "WorkLines", "Id", "TicketId", "Kind", "ItemId", "Quantity", "WarehouseId", "Note", "RecordedById", "RecordedAt", "IsRemoved", "Version");
        _settlements = new(connection, "Settlements", "Id", "TicketId", "Round", "CompletedAt", "State", "PayeeId", "RegionId", "TierCode", "PartnerTypeId",
            "PostedAt", "ReversedAt", "ReversalKind", "ReversalNote", "ReversedById", "Holds", "Version");
        _lines = new(connection, "SettlementLines", "Id", "SettlementId", "Number", "Kind", "ItemId", "ItemCode", "ItemName", "ItemCategory", "Unit",
            "Quantity", "PriceBookVersionId", "UnitPrice", "UnitCustomerPrice", "Amount", "CustomerAmount");
        _ledger = new(connection, "EarningsEntries", "Id", "PayeeId", "TicketId", "SettlementId", "LineNumber", "Kind", "ItemKind", "ItemName",
            "Quantity", "Amount", "CustomerAmount", "PostedAt", "Month", "IsAdjustment");
    }

    public long Tickets => _tickets.Rows;
    public long Visits => _visits.Rows;
    public long WorkLines => _work.Rows;
    public long Settlements => _settlements.Rows;
    public long SettlementLines => _lines.Rows;
    public long LedgerEntries => _ledger.Rows;

    /// <summary>The next free id of <paramref name="table"/>.</summary>
    public long NextId(string table)
    {
        if (!_nextIds.TryGetValue(table, out var next))
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\";";
            next = (long)command.ExecuteScalar()!;
        }

        _nextIds[table] = next + 1;
        return next;
    }

    /// <summary>Commits what was written so far (if anything) and starts the next transaction.</summary>
    public void Checkpoint()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = _connection.BeginTransaction();
        foreach (var insert in new[] { _tickets, _fields, _visits, _work, _settlements, _lines, _ledger })
        {
            insert.Use(_transaction);
        }
    }

    public void Write(GeneratedTicket generated)
    {
        var t = generated.Ticket;
        var id = generated.Id;
        _tickets.Add(id, t.AssigneeId, t.CreatedAt, t.CreatedById, t.CurrentNodeId, t.CustomerId, t.Description, t.Number,
            t.RegionId, t.Status.ToString(), t.TemplateId, t.TimerDueAt, t.Title, t.UpdatedAt, (int)t.Urgency, 1L, t.WorkflowId, t.AwaitingSettlement,
            0, t.FirstRespondedAt, generated.SlaBreachedAt, generated.SlaStoppedAt, t.AssignedAt, t.RatedAt, t.Rating, t.RatingComment, t.ReopenCount);
        foreach (var field in t.Fields)
        {
            _fields.Add(NextId("TicketFieldValue"), id, field.FieldKey, field.Value);
        }

        foreach (var visit in t.Visits)
        {
            _visits.Add(NextId("NodeVisit"), id, visit.NodeId, visit.NodeName, visit.Kind.ToString(), visit.EnteredAt, visit.ExitedAt,
                visit.ExitedById, visit.ExitedByName, visit.ExitedVia);
        }

        foreach (var line in generated.Work)
        {
            _work.Add(NextId("WorkLines"), id, line.Kind.ToString(), line.ItemId, Hundredths(line.Quantity), line.WarehouseId, line.Note,
                line.RecordedById, line.RecordedAt, false, 1L);
        }

        foreach (var settlement in generated.Settlements)
        {
            WriteSettlement(settlement);
        }
    }

    private void WriteSettlement(Settlement s)
    {
        var id = NextId("Settlements");
        _settlements.Add(id, s.TicketId, s.Round, s.CompletedAt, s.State.ToString(), s.PayeeId, s.RegionId, s.TierCode, s.PartnerTypeId,
            s.PostedAt, s.ReversedAt, s.ReversalKind?.ToString(), s.ReversalNote, s.ReversedById,
            JsonSerializer.Serialize(s.Holds.ToList(), JsonSerializerOptions.Default), 1L);
        foreach (var line in s.Lines)
        {
            _lines.Add(NextId("SettlementLines"), id, line.Number, line.Kind.ToString(), line.ItemId, line.ItemCode, line.ItemName, line.ItemCategory,
                line.Unit, Hundredths(line.Quantity), line.PriceBookVersionId, Money.ToFen(line.UnitPrice), Money.ToFen(line.UnitCustomerPrice),
                Money.ToFen(line.Amount), Money.ToFen(line.CustomerAmount));
        }

        // As the ledger writer books them: no statement of a generated month is confirmed, so each goes to its own China month.
        if (s.PostedAt is { } postedAt)
        {
            WriteEntries(id, EarningsEntry.For(s, EarningsKind.Earning, LedgerMonth.Of(postedAt), postedAt));
        }

        if (s is { State: SettlementState.Reversed, ReversedAt: { } reversedAt })
        {
            WriteEntries(id, EarningsEntry.For(s, EarningsKind.Reversal, LedgerMonth.Of(reversedAt), reversedAt));
        }
    }

    private void WriteEntries(long settlementId, IEnumerable<EarningsEntry> entries)
    {
        foreach (var e in entries)
        {
            _ledger.Add(NextId("EarningsEntries"), e.PayeeId, e.TicketId, settlementId, e.LineNumber, e.Kind.ToString(), e.ItemKind.ToString(), e.ItemName,
                Hundredths(e.Quantity), Money.ToFen(e.Amount), Money.ToFen(e.CustomerAmount), e.PostedAt, e.Month, e.IsAdjustment);
        }
    }

    // Quantities are stored in hundredths (Hundredths.Converter).
    private static long Hundredths(decimal quantity) => (long)(quantity * 100m);

    /// <summary>Commits the last transaction.</summary>
    public void Complete()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Anything not completed is rolled back.</summary>
    public void Dispose()
    {
        _transaction?.Dispose();
        foreach (var insert in new[] { _tickets, _fields, _visits, _work, _settlements, _lines, _ledger })
        {
            insert.Dispose();
        }
    }
}
