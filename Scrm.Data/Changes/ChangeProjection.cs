using Scrm.Data.Saving;
using Scrm.Domain.Boards;
using Scrm.Domain.Catalog;
using Scrm.Domain.Assignment;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Domain.Notifications;
using Scrm.Domain.Pricing;
using Scrm.Domain.Regions;
using Scrm.Domain.Settlements;
using Scrm.Domain.Sla;
using Scrm.Domain.Users;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Changes;

/// <summary>Turns the events of a committed save into change-feed messages: one per aggregate (and per commented ticket).</summary>
internal static class ChangeProjection
{
    public static List<Change> Project(IEnumerable<RaisedEvents> raised, Actor actor)
    {
        var changes = new List<Change>();
        foreach (var group in raised.GroupBy(r => r.Root, ReferenceEqualityComparer.Instance))
        {
            var root = (AggregateRoot)group.Key!;
            var events = group.SelectMany(r => r.Events).ToList();
            var what = events.SelectMany(Names).Distinct(StringComparer.Ordinal).ToList();
            Change? change = root switch
            {
                Ticket t => new(ChangeKinds.Ticket, t.Id, t.Version, what, actor.UserId, actor.DisplayName)
                {
                    TemplateId = t.TemplateId,
                    RegionId = t.RegionId,
                    AssigneeId = t.AssigneeId,
                },
                TicketComment c => new(ChangeKinds.Comment, c.TicketId, c.Version, what, actor.UserId, actor.DisplayName),
                TicketTemplate t => new(ChangeKinds.Template, t.Id, t.Version, what, actor.UserId, actor.DisplayName) { TemplateId = t.Id },
                WorkflowDefinition w => new(ChangeKinds.Workflow, w.Id, w.Version, what, actor.UserId, actor.DisplayName) { TemplateId = w.TemplateId },
                Notification n => new(ChangeKinds.Notification, n.Id, n.Version, what, actor.UserId, actor.DisplayName) { RecipientId = n.RecipientId },
                NotificationPreferences p => new(ChangeKinds.NotificationPreferences, 0, p.Version, what, actor.UserId, actor.DisplayName) { UserId = p.UserId },
                UserProfile u => new(ChangeKinds.User, 0, u.Version, what, actor.UserId, actor.DisplayName) { UserId = u.Id },
                Region r => new(ChangeKinds.Region, r.Id, r.Version, what, actor.UserId, actor.DisplayName) { RegionId = r.Id },
                SlaSettings or SlaPolicy => new(ChangeKinds.Sla, 0, root.Version, what, actor.UserId, actor.DisplayName),
                BoardColumnLimit l => new(ChangeKinds.Board, l.Id, l.Version, what, actor.UserId, actor.DisplayName) { TemplateId = l.TemplateId },
                AssignmentRule a => new(ChangeKinds.AssignmentRule, a.Id, a.Version, what, actor.UserId, actor.DisplayName) { TemplateId = a.TemplateId },
                PriceTier or PartnerType or SkillTag => new(ChangeKinds.ReferenceData, 0, root.Version, what, actor.UserId, actor.DisplayName),
                ServiceItem i => new(ChangeKinds.Catalog, i.Id, i.Version, what, actor.UserId, actor.DisplayName),
                SparePart p => new(ChangeKinds.Catalog, p.Id, p.Version, what, actor.UserId, actor.DisplayName),
                Warehouse w => new(ChangeKinds.Catalog, w.Id, w.Version, what, actor.UserId, actor.DisplayName),
                PriceBookVersion v => new(ChangeKinds.PriceBook, v.Id, v.Version, what, actor.UserId, actor.DisplayName),
                WorkLine l => new(ChangeKinds.Settlement, l.TicketId, l.Version, what, actor.UserId, actor.DisplayName),
                Settlement s => new(ChangeKinds.Settlement, s.TicketId, s.Version, what, actor.UserId, actor.DisplayName) { UserId = s.PayeeId },
                Statement s => new(ChangeKinds.Statement, s.Id, s.Version, what, actor.UserId, actor.DisplayName) { UserId = s.PayeeId },
                ExportJob e => new(ChangeKinds.Export, 0, e.Version, what, actor.UserId, actor.DisplayName) { UserId = e.OwnerId },
                _ => null,
            };
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <summary>What an event says changed, in the names subscribers filter on.</summary>
    private static IEnumerable<string> Names(IDomainEvent domainEvent) => domainEvent switch
    {
        TicketEdited e => e.Changed,
        TicketAssigned => [nameof(Ticket.AssigneeId)],
        TicketStatusChanged => [nameof(Ticket.Status)],
        TicketNodeEntered => [nameof(Ticket.CurrentNodeId)],
        TicketMigrated => [nameof(Ticket.WorkflowId)],
        StockChanged => [nameof(SparePart.Stock)],
        _ => [domainEvent.GetType().Name],
    };
}
