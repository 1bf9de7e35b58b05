using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Data.Rollups;

/// <summary>
/// The columns of a ticket the rollups count, and what one ticket adds to them. The incremental handler adds a changed
/// ticket's facts after the change and takes away its facts before it; the rebuild adds every ticket's facts once —
/// the same function both ways, so the two cannot drift apart.
/// </summary>
internal sealed record TicketFacts(
    DateTime CreatedAt,
    long? RegionId,
    TicketStatus Status,
    string? AssigneeId,
    DateTime? FirstRespondedAt,
    DateTime? SlaStoppedAt,
    DateTime? SlaBreachedAt,
    int ReopenCount,
    int? Rating)
{
    public static TicketFacts Of(PropertyValues v) => new(
        v.GetValue<DateTime>(nameof(Ticket.CreatedAt)),
        v.GetValue<long?>(nameof(Ticket.RegionId)),
        v.GetValue<TicketStatus>(nameof(Ticket.Status)),
        v.GetValue<string?>(nameof(Ticket.AssigneeId)),
        v.GetValue<DateTime?>(nameof(Ticket.FirstRespondedAt)),
        v.GetValue<DateTime?>(nameof(Ticket.SlaStoppedAt)),
        v.GetValue<DateTime?>(nameof(Ticket.SlaBreachedAt)),
        v.GetValue<int>(nameof(Ticket.ReopenCount)),
        v.GetValue<int?>(nameof(Ticket.Rating)));

    private bool IsOpen => Status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress or TicketStatus.OnHold;

    private bool IsFinished => Status is TicketStatus.Resolved or TicketStatus.Closed;

    /// <summary>Adds this ticket's counts to <paramref name="batch"/>, or takes them away (<paramref name="sign"/> −1).</summary>
    public void AddTo(RollupBatch batch, long sign)
    {
        var breached = SlaBreachedAt is not null;
        var resolution = IsFinished && SlaStoppedAt is { } stopped ? Minutes(stopped) : (long?)null;
        batch.Add(RollupTable.TicketDays, [EffectiveDates.ChinaDate(CreatedAt), RegionId ?? 0L],
        [
            1,
            Flag(IsOpen),
            Flag(IsFinished),
            Flag(Status == TicketStatus.Cancelled),
            Flag(IsFinished && !breached),
            Flag(breached),
            Flag(IsOpen && breached),
            Flag(FirstRespondedAt is not null),
            FirstRespondedAt is { } responded ? Minutes(responded) : 0,
            Flag(resolution is not null),
            resolution ?? 0,
            Flag(IsFinished || ReopenCount > 0),
            Flag(ReopenCount > 0),
            Flag(IsFinished && ReopenCount == 0),
            Flag(Rating is not null),
            Rating ?? 0,
        ], sign);
        if (IsOpen && AssigneeId is not null)
        {
            batch.Add(RollupTable.AssigneeLoads, [AssigneeId], [1], sign);
        }
    }

    // Whole minutes since creation; a clock set back never makes a negative time.
    private long Minutes(DateTime at) => Math.Max(0, (long)(at - CreatedAt).TotalMinutes);

    private static long Flag(bool value) => value ? 1 : 0;
}
