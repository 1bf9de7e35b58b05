using Scrm.Domain.Auditing;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Tickets;

/// <summary>What the ticket center asks for: filters, search, sort and page. All optional.</summary>
public sealed record TicketQuery
{
    public const int MaxPageSize = 100;

    public string? Search { get; init; }
    public IReadOnlyCollection<TicketStatus> Statuses { get; init; } = [];
    public IReadOnlyCollection<Urgency> Urgencies { get; init; } = [];
    public long? RegionId { get; init; }
    public string? AssigneeId { get; init; }
    public long? TemplateId { get; init; }
    public long? CustomerId { get; init; }

    /// <summary>Created on or after this China-time day.</summary>
    public DateOnly? CreatedFrom { get; init; }

    /// <summary>Created on or before this China-time day.</summary>
    public DateOnly? CreatedTo { get; init; }

    /// <summary>Only tickets flagged as having breached an SLA target (<c>Ticket.SlaBreachedAt</c> set).</summary>
    public bool SlaBreached { get; init; }

    public TicketSort SortBy { get; init; } = TicketSort.UpdatedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

public enum TicketSort
{
    UpdatedAt,
    CreatedAt,
    Number,
    Title,
    Urgency,
    Status,
}

public sealed record TicketRow(long Id, string Number, string Title, string? CustomerName, Urgency Urgency, TicketStatus Status,
    string? AssigneeName, string? RegionName, string TemplateName, DateTime CreatedAt, DateTime UpdatedAt, string? StepName = null)
{
    /// <summary>The SLA target with the least time left, where one runs (the ticket center's SLA column).</summary>
    public Scrm.Domain.Sla.SlaState? Sla { get; init; }
}

/// <summary>The ticket page's SLA panel: every running target, and when a breach was flagged.</summary>
public sealed record TicketSlaView(IReadOnlyList<Scrm.Domain.Sla.SlaState> Running, DateTime? BreachedAt);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Everything the ticket page shows.</summary>
public sealed record TicketView(
    long Id, string Number, string Title, string? Description, Urgency Urgency, TicketStatus Status,
    long TemplateId, string TemplateName, long? CustomerId, string? CustomerName, string? CustomerPhone,
    long? RegionId, string? RegionName, string? AssigneeId, string? AssigneeName, string CreatedByName,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, IReadOnlyDictionary<string, string> Fields,
    TicketTemplate Template, bool CanEdit, TicketWorkflowView? Workflow,
    TicketAccess Access, IReadOnlyList<TicketStatus> NextStatuses)
{
    /// <summary>A Settle action asked for settlement and it has not booked the ticket yet (待结算).</summary>
    public bool AwaitingSettlement { get; init; }

    /// <summary>When the escalation job flagged an SLA breach.</summary>
    public DateTime? SlaBreachedAt { get; init; }

    /// <summary>The SLA clocks, for the staff who work the ticket (null for a customer).</summary>
    public TicketSlaView? Sla { get; init; }

    /// <summary>The customer's satisfaction, once recorded (满意度).</summary>
    public TicketRatingView? Rating { get; init; }

    /// <summary>Whether this user may record or change the rating now (<see cref="TicketAccessRules.MayRate"/>).</summary>
    public bool CanRate { get; init; }

    /// <summary>The names of the customers the ticket's 关联客户 fields link to, by id: whoever may read the ticket reads them.</summary>
    public IReadOnlyDictionary<long, string> LinkedCustomers { get; init; } = new Dictionary<long, string>();
}

/// <summary>A recorded rating: 1–5 stars, the comment, when, and who recorded it (from the audit trail; null if unknown).</summary>
public sealed record TicketRatingView(int Score, string? Comment, DateTime RatedAt, string? RatedByName);

/// <summary>Where a ticket stands in its workflow: the current node, its buttons for this user, and the path walked.</summary>
public sealed record TicketWorkflowView(string? CurrentNodeName, IReadOnlyList<WorkflowButton> Buttons, IReadOnlyList<VisitRow> Path, int Version);

/// <summary>A button of the current node. <see cref="Refusal"/> is why this user cannot press it now, if so.</summary>
public sealed record WorkflowButton(string TransitionId, string Label, Scrm.Domain.Common.DomainException? Refusal);

public sealed record VisitRow(string NodeName, Scrm.Domain.Workflows.NodeKind Kind, DateTime EnteredAt, DateTime? ExitedAt, string? ExitedByName, string? Via);

/// <summary>The form to create or edit a ticket. <see cref="Fields"/> holds raw text by field key.</summary>
public sealed class TicketForm
{
    public long TemplateId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public long? CustomerId { get; set; }
    public long? RegionId { get; set; }
    public string? AssigneeId { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version the user started editing from; the save is refused if the ticket moved on.</summary>
    public long Version { get; set; }

    public TicketDetails Details => new(Title, Description, Urgency, CustomerId, RegionId, AssigneeId);

    /// <summary>The form to edit <paramref name="ticket"/> as it is now. Values of fields its template has dropped are left out (and kept).</summary>
    public static TicketForm Edit(TicketView ticket) => new()
    {
        TemplateId = ticket.TemplateId,
        Title = ticket.Title,
        Description = ticket.Description,
        Urgency = ticket.Urgency,
        CustomerId = ticket.CustomerId,
        RegionId = ticket.RegionId,
        AssigneeId = ticket.AssigneeId,
        Version = ticket.Version,
        Fields = ticket.Fields.Where(f => ticket.Template.FindField(f.Key) is not null)
            .ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.Ordinal),
    };
}

/// <param name="MentionedNames">The display names of the people the comment @mentions, which its text shows highlighted.</param>
public sealed record CommentRow(long Id, string AuthorName, string Text, DateTime CreatedAt, IReadOnlyList<string> MentionedNames);

/// <summary>One audit row as the history tab shows it; <paramref name="ActorName"/> is null for the system (a job, the seeder).</summary>
public sealed record HistoryRow(DateTime At, string? ActorName, AuditAction Action, string? Field, string? Before, string? After)
{
    /// <summary>The SLA clock stopped: <see cref="After"/> is why (a status name, a node name).</summary>
    public const string SlaPaused = "SlaPaused";

    /// <summary>The SLA clock ran again: <see cref="Before"/> is why it had stopped, <see cref="After"/> the working minutes it added.</summary>
    public const string SlaResumed = "SlaResumed";

    /// <summary>A finished ticket was reopened: <see cref="After"/> is the working minutes it stood finished, which do not count.</summary>
    public const string SlaReopened = "SlaReopened";
}
