using Scrm.Domain.Users;

namespace Scrm.Domain.Common;

/// <summary>Which door a command came in through.</summary>
public enum ActorChannel
{
    Web,
    Api,
    Job,
    Import,
}

/// <summary>
/// Who is acting: set by whoever runs a command (a circuit, an HTTP endpoint, a background job, an import) and
/// passed to it explicitly, so the same command serves every door and the audit records the right person.
/// </summary>
/// <param name="SessionStamp">The security stamp the user's session was issued with; a command refuses a stale one.</param>
public sealed record Actor(string UserId, string DisplayName, Role? Role, ActorChannel Channel, string? SessionStamp = null)
{
    public const string SystemId = "system";

    /// <summary>The app itself: migrations, seeding, background jobs.</summary>
    public static Actor System(ActorChannel channel = ActorChannel.Job) => new(SystemId, "System", null, channel);

    public bool IsSystem => UserId == SystemId;

    /// <summary>The same person acting through the workflow engine's eyes (jobs have no role).</summary>
    public Workflows.WorkflowActor? ForWorkflow => Role is { } role ? new(UserId, DisplayName, role) : null;
}
