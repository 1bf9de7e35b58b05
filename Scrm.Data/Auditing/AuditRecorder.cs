using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scrm.Data.Identity;
using Scrm.Domain.Auditing;
using Scrm.Domain.Tickets;

namespace Scrm.Data.Auditing;

/// <summary>
/// Turns tracked changes into audit rows: one per changed property (before → after), one per created or
/// deleted row. Ticket field values are recorded against their ticket as <c>Fields.{key}</c>.
/// </summary>
internal static class AuditRecorder
{
    // Rows that are themselves records, bookkeeping, or secrets.
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(TicketNumberCounter), typeof(ScrmUser), typeof(TicketComment), typeof(NodeVisit)];

    // Bumped on every change; their movement says nothing a reader needs.
    private static readonly HashSet<string> NoiseProperties = ["Version", "UpdatedAt", "SortOrder"];

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        var addedTickets = tracker.Entries<Ticket>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || NotAudited.Contains(entry.Metadata.ClrType)
                || entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true)
            {
                continue;
            }

            if (entry.Entity is TicketFieldValue value)
            {
                // A new ticket's values are part of its creation; later changes are edits of the ticket.
                if (entry.State == EntityState.Added && IsOfAddedTicket(entry, addedTickets))
                {
                    continue;
                }

                pending.Add(new PendingAudit(entry, "Ticket", AuditAction.Updated, "Fields." + value.FieldKey,
                    entry.State == EntityState.Added ? null : Text(entry.Property(nameof(TicketFieldValue.Value)).OriginalValue),
                    entry.State == EntityState.Deleted ? null : value.Value, ticketIdProperty: "TicketId"));
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new PendingAudit(entry, entry.Metadata.ClrType.Name, AuditAction.Created, null, null, Describe(entry)));
                    break;
                case EntityState.Deleted:
                    pending.Add(new PendingAudit(entry, entry.Metadata.ClrType.Name, AuditAction.Deleted, null, Describe(entry), null));
                    break;
                default:
                    foreach (var property in entry.Properties.Where(p => p.IsModified && !NoiseProperties.Contains(p.Metadata.Name)))
                    {
                        var before = Text(property.OriginalValue);
                        var after = Text(property.CurrentValue);
                        if (before != after)
                        {
                            pending.Add(new PendingAudit(entry, entry.Metadata.ClrType.Name, AuditAction.Updated, property.Metadata.Name, before, after));
                        }
                    }

                    break;
            }
        }

        return pending;
    }

    private static bool IsOfAddedTicket(EntityEntry entry, HashSet<Ticket> addedTickets) =>
        addedTickets.Any(t => t.Fields.Contains(entry.Entity));

    /// <summary>A short human name for a whole row: its name, label, number or key.</summary>
    private static string? Describe(EntityEntry entry)
    {
        foreach (var name in new[] { "Number", "Name", "Label", "DisplayName", "RequiredFieldKey", "Key" })
        {
            if (entry.Metadata.FindProperty(name) is not null)
            {
                return Text(entry.Property(name).CurrentValue);
            }
        }

        return null;
    }

    internal static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>A change seen before saving; its ids are read after the save, when the database has assigned them.</summary>
internal sealed record PendingAudit
{
    private readonly EntityEntry _entry;
    private readonly string? _ticketIdProperty;
    private readonly string? _knownId;

    public PendingAudit(EntityEntry entry, string entityType, AuditAction action, string? field, string? before, string? after, string? ticketIdProperty = null)
    {
        _entry = entry;
        _ticketIdProperty = ticketIdProperty;
        (EntityType, Action, Field, Before, After) = (entityType, action, field, before, after);

        // Rows that exist already have their ids now; deleted rows may lose shadow values once saved.
        _knownId = entry.State == EntityState.Added ? null : ReadId();
    }

    public string EntityType { get; }
    public AuditAction Action { get; }
    public string? Field { get; }
    public string? Before { get; }
    public string? After { get; }

    private string? ReadId() => _ticketIdProperty is not null
        ? AuditRecorder.Text(_entry.Property(_ticketIdProperty).CurrentValue)
        : string.Join(",", _entry.Metadata.FindPrimaryKey()!.Properties.Select(p => AuditRecorder.Text(_entry.Property(p.Name).CurrentValue)));

    public AuditEntry ToEntry(AuditActor actor, DateTime at)
    {
        var entityId = _knownId ?? ReadId();
        long? ticketId = EntityType == "Ticket" && long.TryParse(entityId, CultureInfo.InvariantCulture, out var id) ? id : null;

        // A row that knows when it was created (imported or seeded history) is recorded at that time.
        if (Action == AuditAction.Created && _entry.Metadata.FindProperty("CreatedAt") is not null && _entry.Property("CreatedAt").CurrentValue is DateTime created)
        {
            at = created;
        }

        return new AuditEntry(at, actor.Id, actor.Name, EntityType, entityId ?? "", ticketId, Action, Field, Before, After);
    }
}
