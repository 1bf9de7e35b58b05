namespace Scrm.Data.Changes;

/// <summary>What kind of thing a <see cref="Change"/> is about.</summary>
public static class ChangeKinds
{
    public const string Ticket = "Ticket";
    public const string Comment = "Comment";
    public const string Template = "Template";
    public const string Workflow = "Workflow";
    public const string Notification = "Notification";

    /// <summary>A user's choice of notification kinds (<see cref="Change.UserId"/> is whose).</summary>
    public const string NotificationPreferences = "NotificationPreferences";
    public const string User = "User";
    public const string Region = "Region";
    public const string AssignmentRule = "AssignmentRule";

    /// <summary>The SLA calendar or a policy: every SLA clock reads them anew.</summary>
    public const string Sla = "Sla";

    /// <summary>A board's settings (a column's WIP limit); <see cref="Change.TemplateId"/> names the board.</summary>
    public const string Board = "Board";

    /// <summary>Tiers, partner types, skill tags: the lists pickers offer.</summary>
    public const string ReferenceData = "ReferenceData";

    /// <summary>A service item, a spare part (its stock: <c>What</c> holds <c>Stock</c>) or a warehouse.</summary>
    public const string Catalog = "Catalog";
    /// <summary>A bulk export job (<see cref="Change.UserId"/> is its owner, who alone sees it).</summary>
    public const string Export = "Export";

    /// <summary>
    /// Work recorded on a ticket (服务与备件: <see cref="Change.Id"/> is the ticket), or a settlement of it (<c>What</c> holds
    /// the settlement's events; <see cref="Change.UserId"/> is the payee, whose earnings page listens for it). An admin's
    /// rebuild of the dashboards' rollups is announced as one too (<see cref="Change.Id"/> 0, no region, no payee), so
    /// every open dashboard re-reads.
    /// </summary>
    public const string Settlement = "Settlement";

    /// <summary>A price book version was drafted, changed, published or rejected (<see cref="Change.Id"/> is the version).</summary>
    public const string PriceBook = "PriceBook";

    /// <summary>A payee's statement was confirmed or paid (<see cref="Change.UserId"/> is the payee).</summary>
    public const string Statement = "Statement";
}

/// <summary>
/// One committed change, small and serializable so a Redis backplane can carry it later: what changed, its new
/// version, the facts subscribers filter on, and who did it.
/// </summary>
/// <param name="Id">The changed thing's id (for a comment, its ticket's).</param>
/// <param name="What">What changed, e.g. <c>Status</c>, <c>AssigneeId</c>, <c>Fields.model</c>, <c>Created</c>.</param>
public sealed record Change(string Kind, long Id, long Version, IReadOnlyList<string> What, string ActorId, string ActorName)
{
    public long? TemplateId { get; init; }
    public long? RegionId { get; init; }
    public string? AssigneeId { get; init; }

    /// <summary>For a notification: the user it is for.</summary>
    public string? RecipientId { get; init; }

    /// <summary>For a user's profile (whose id is text, so <see cref="Id"/> is 0): whose it is.</summary>
    public string? UserId { get; init; }
}

/// <summary>
/// Committed changes, pushed to whoever shows live data. In-process on one instance; a Redis pub/sub implementation
/// can replace it without touching a subscriber.
/// </summary>
public interface IChangeFeed
{
    /// <summary>Called after commit; never throws back into the command that already committed.</summary>
    void Publish(IReadOnlyList<Change> changes);

    /// <summary>Calls <paramref name="onChanges"/> with every published batch until the subscription is disposed.</summary>
    IDisposable Subscribe(Action<IReadOnlyList<Change>> onChanges);
}
