namespace Scrm.Domain.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One recorded change: who changed which field of what, when, from what to what. Never updated. It points at the
/// aggregate it belongs to by a real foreign key (one column per kind of aggregate), so a row created in the same
/// save is linked to it by the database's own id in that one save.
/// </summary>
public sealed class AuditEntry
{
    public const int ValueMaxLength = 2000;

    private AuditEntry() { }

    public AuditEntry(DateTime at, string actorId, string actorName, string entityType, string? entityId,
        AuditAction action, string? field, string? before, string? after)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Field = field;
        Before = Clip(before);
        After = Clip(after);
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";

    /// <summary>The changed entity's type name (<c>Ticket</c>, <c>FieldDefinition</c>, …).</summary>
    public string EntityType { get; private set; } = "";
    /// <summary>The changed row's key; null for a row created in this save (its aggregate's key below says whose it is).</summary>
    public string? EntityId { get; private set; }

    /// <summary>Set when the change belongs to a ticket, so its history tab finds it with one indexed query.</summary>
    public long? TicketId { get; private set; }

    public long? TemplateId { get; private set; }
    public long? WorkflowId { get; private set; }
    public long? RegionId { get; private set; }
    public long? CustomerId { get; private set; }

    /// <summary>Set when the change belongs to a user's profile (their regions, skills and partner types included).</summary>
    public string? UserId { get; private set; }

    public AuditAction Action { get; private set; }
    public string? Field { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    private static string? Clip(string? value) => value is { Length: > ValueMaxLength } ? value[..ValueMaxLength] : value;
}
