using Scrm.Domain.Users;

namespace Scrm.Domain.Workflows;

public enum ActorRuleKind
{
    /// <summary>Anyone holding <see cref="ActorRule.Role"/>.</summary>
    Role,

    /// <summary>The technician the ticket is assigned to.</summary>
    Assignee,

    /// <summary>Whoever created the ticket.</summary>
    Creator,
}

/// <summary>Who works a Step or decides an Approval. Supervisors and admins may always act, to unblock work.</summary>
/// <param name="AutoAssign">On entering the node, the template's assignment rules for it pick the ticket's technician
/// (stored in the graph JSON; graphs saved before it existed read false).</param>
public sealed record ActorRule(ActorRuleKind Kind, Role? Role = null, bool AutoAssign = false)
{
    public static readonly ActorRule Desk = new(ActorRuleKind.Role, Users.Role.Agent);
    public static readonly ActorRule Assigned = new(ActorRuleKind.Assignee);
    public static readonly ActorRule Supervisors = new(ActorRuleKind.Role, Users.Role.Supervisor);

    public bool Allows(WorkflowActor actor, string? assigneeId, string createdById) =>
        actor.Role is Users.Role.Supervisor or Users.Role.Admin || Kind switch
        {
            ActorRuleKind.Role => actor.Role == Role,
            ActorRuleKind.Assignee => assigneeId is not null && actor.UserId == assigneeId,
            ActorRuleKind.Creator => actor.UserId == createdById,
            _ => false,
        };
}

/// <summary>The person pressing a workflow button.</summary>
public sealed record WorkflowActor(string UserId, string Name, Role Role);
