using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scrm.Data.Identity;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Auditing;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Settlements;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;


namespace Scrm.Data.Auditing;

/// <summary>
/// Turns tracked changes into audit rows, added to the same save: one per changed property (before → after), one per
/// created or deleted row. Each row points at its aggregate through that aggregate's own key column, which the
/// database fills in the same save when the aggregate is new. Ticket field values read as the ticket's <c>Fields.{key}</c>.
/// </summary>
internal static class AuditRecorder
{
    // Rows that are themselves records (the ledger and stock movements are their own audit), bookkeeping, or secrets.
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(TicketNumberCounter), typeof(ScrmUser), typeof(TicketComment), typeof(NodeVisit), typeof(OutboxMessage),
        typeof(EarningsEntry), typeof(SettlementLine), typeof(StockMovement),
    ];

    // Their movement says nothing a reader needs: the concurrency token and bookkeeping times and orders. The SLA
    // clock's response and stop times follow from the assignment or status change recorded beside them; a rating's time
    // is the time of the audit row that records its score or comment.
    private static readonly HashSet<string> NoiseProperties = [nameof(AggregateRoot.Version), "UpdatedAt", "SortOrder", "FirstRespondedAt", "SlaStoppedAt", "AssignedAt", "RatedAt"];

    // The audit row's key column for each kind of aggregate that has one.
    private static readonly Dictionary<Type, string> RootColumns = new()
    {
        [typeof(Ticket)] = nameof(AuditEntry.TicketId),
        [typeof(TicketTemplate)] = nameof(AuditEntry.TemplateId),
        [typeof(WorkflowDefinition)] = nameof(AuditEntry.WorkflowId),
        [typeof(Region)] = nameof(AuditEntry.RegionId),
        [typeof(Customer)] = nameof(AuditEntry.CustomerId),
        [typeof(UserProfile)] = nameof(AuditEntry.UserId),
    };

    public static void Record(ScrmDbContext db, Actor actor, DateTime at)
    {
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType))
            .ToList();
        var addedTickets = changes.Where(e => e is { Entity: Ticket, State: EntityState.Added }).Select(e => e.Entity).ToHashSet();
        var aggregates = new Aggregates(db);
        foreach (var entry in changes)
        {
            var root = aggregates.RootOf(entry);
            // A field value is recorded as a change of its ticket, under the ticket's key.
            var entityId = entry.Entity is TicketFieldValue ? root?.Entry is { } ticket ? KnownKey(ticket) : null : KnownKey(entry);
            foreach (var row in Rows(entry, root, addedTickets))
            {
                var audit = new AuditEntry(at, actor.UserId, actor.DisplayName, row.EntityType, entityId, row.Action, row.Field, row.Before, row.After);
                db.AuditEntries.Add(audit);
                if (root is not null && RootColumns.TryGetValue(root.Value.Type, out var column))
                {
                    // Possibly EF's temporary key of a new aggregate: the save replaces it with the real one.
                    db.Entry(audit).Property(column).CurrentValue = root.Value.Key;
                }
            }
        }
    }

    private static bool IsAudited(Type type) =>
        !NotAudited.Contains(type) && type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true
        && type.Assembly == typeof(Ticket).Assembly;

    private static IEnumerable<(string EntityType, AuditAction Action, string? Field, string? Before, string? After)> Rows(
        EntityEntry entry, (Type Type, object? Key, EntityEntry? Entry)? root, HashSet<object> addedTickets)
    {
        if (entry.Entity is TicketFieldValue value)
        {
            // A new ticket's values are part of its creation; later changes are edits of the ticket.
            if (entry.State == EntityState.Added && addedTickets.Contains(root!.Value.Entry!.Entity))
            {
                yield break;
            }

            yield return ("Ticket", AuditAction.Updated, "Fields." + value.FieldKey,
                entry.State == EntityState.Added ? null : Text(entry.Property(nameof(TicketFieldValue.Value)).OriginalValue),
                entry.State == EntityState.Deleted ? null : value.Value);
            yield break;
        }

        var type = entry.Metadata.ClrType.Name;
        switch (entry.State)
        {
            case EntityState.Added:
                yield return (type, AuditAction.Created, null, null, Describe(entry));
                break;
            case EntityState.Deleted:
                yield return (type, AuditAction.Deleted, null, Describe(entry), null);
                break;
            default:
                foreach (var property in entry.Properties.Where(p => p.IsModified && !NoiseProperties.Contains(p.Metadata.Name)))
                {
                    if (property.OriginalValue is WorkflowGraph before && property.CurrentValue is WorkflowGraph after)
                    {
                        if (before != after)
                        {
                            yield return (type, AuditAction.Updated, property.Metadata.Name, WorkflowGraphChanges.Size(before), WorkflowGraphChanges.Describe(before, after));
                        }

                        continue;
                    }

                    var (old, now) = (Text(property.OriginalValue), Text(property.CurrentValue));
                    if (old != now)
                    {
                        yield return (type, AuditAction.Updated, property.Metadata.Name, old, now);
                    }
                }

                break;
        }
    }

    /// <summary>The row's key when the database already knows it; a new row's generated key is not known before the save.</summary>
    private static string? KnownKey(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        return key.Any(p => entry.Property(p.Name).IsTemporary) ? null : string.Join(",", key.Select(p => Text(entry.Property(p.Name).CurrentValue)));
    }

    /// <summary>
    /// A short human name for a whole row: its name, label, number or key, or for a link row the id it links to;
    /// a dated row (a tier or partner type change) adds its date, as <c>B @ 2026-07-01</c>.
    /// </summary>
    private static string? Describe(EntityEntry entry)
    {
        foreach (var name in new[] { "Name", "Number", "Label", "DisplayName", "RequiredFieldKey", "Key", "TierCode", "PartnerTypeId", "RegionId", "SkillTagId", "Reason" })
        {
            if (entry.Metadata.FindProperty(name) is not null)
            {
                var text = Text(entry.Property(name).CurrentValue);
                return entry.Metadata.FindProperty("EffectiveFrom") is null ? text : $"{text} @ {Text(entry.Property("EffectiveFrom").CurrentValue)}";
            }
        }

        return null;
    }

    internal static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
