using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

public sealed partial class TicketService
{
    /// <summary>
    /// Fills in custom fields and presses a workflow button, as one change: what a board asks for when a drop stopped only
    /// at the node's required fields. Either both happen or nothing is saved (a refused transition keeps no field).
    /// </summary>
    /// <param name="fields">Raw values by field key; fields not named keep their values.</param>
    public Task<long> FillAndTransitionAsync(Actor actor, long ticketId, long version, string transitionId,
        IReadOnlyDictionary<string, string?> fields, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return MutateAsync(actor, ticketId, version, TicketAccess.Desk, async (db, ticket, scope, token) =>
        {
            var template = await LoadTemplateAsync(db, ticket.TemplateId, token);
            var merged = ticket.FieldValueMap.Where(f => template.FindField(f.Key) is not null)
                .ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.Ordinal);
            foreach (var (key, value) in fields.Where(f => template.FindField(f.Key) is not null))
            {
                merged[key] = value;
            }

            var form = new TicketForm
            {
                TemplateId = ticket.TemplateId, Title = ticket.Title, Description = ticket.Description, Urgency = ticket.Urgency,
                CustomerId = ticket.CustomerId, RegionId = ticket.RegionId, AssigneeId = ticket.AssigneeId, Fields = merged, Version = version,
            };
            await CheckReferencesAsync(db, scope, template, form, ticket, token);
            ticket.Edit(template, form.Details, form.Fields, time);

            var workflow = await Workflows.VersionOfAsync(workflows, db, ticket, token)
                ?? throw new DomainException("WorkflowNotActive", "The ticket is not at a workflow step.");
            ticket.Transition(workflow.Graph, transitionId, template, await Workflows.FactsAsync(db, ticket, time, token), actor.ForWorkflow!, time);
        }, ct);
    }
}
