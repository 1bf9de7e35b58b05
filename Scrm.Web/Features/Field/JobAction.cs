using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;

namespace Scrm.Web.Features.Field;

/// <summary>
/// A button of the job page: a workflow transition or, for a template without a workflow, a status move. A transition
/// refused only because required fields are empty stays pressable: it asks for exactly those fields.
/// </summary>
public sealed record JobAction(string Label, string? TransitionId, TicketStatus? Status, DomainException? Refusal, IReadOnlyList<FieldDefinition> MissingFields)
{
    public bool CanPress => Refusal is null || MissingFields.Count > 0;

    /// <summary>The ticket's actions for this user; the first is the main one (the bottom button).</summary>
    public static IReadOnlyList<JobAction> For(TicketView ticket, IStringLocalizer<SharedResource> l)
    {
        if (ticket.Workflow is { } workflow)
        {
            var actions = workflow.Buttons.Select(b => new JobAction(b.Label, b.TransitionId, null, b.Refusal, Missing(ticket, b.Refusal))).ToList();
            return [.. actions.Where(a => a.CanPress), .. actions.Where(a => !a.CanPress)];
        }

        // Finishing the job is what a technician opens it for; starting it comes next.
        return ticket.NextStatuses
            .OrderBy(s => s switch { TicketStatus.Resolved => 0, TicketStatus.InProgress => 1, _ => 2 })
            .Select(s => new JobAction(l[$"Action.{s}"], null, s, null, []))
            .ToList();
    }

    private static List<FieldDefinition> Missing(TicketView ticket, DomainException? refusal)
    {
        if (refusal is not { Code: "TransitionFieldsMissing" } || refusal.Args is not [string labels, ..])
        {
            return [];
        }

        var named = labels.Split('、');
        return ticket.Template.Fields
            .Where(f => !ticket.Fields.ContainsKey(f.Key) && (f.Key == refusal.Field || named.Contains(f.Label)))
            .ToList();
    }
}
