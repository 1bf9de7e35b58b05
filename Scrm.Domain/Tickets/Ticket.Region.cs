namespace Scrm.Domain.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// Points the ticket at another region because its region was merged away. Unlike <see cref="Edit"/> it works on
    /// closed tickets too: the old city no longer exists, so every ticket that named it, open or not, must name its
    /// successor. Nothing else about the ticket changes.
    /// </summary>
    public void MoveToRegion(long regionId, TimeProvider time)
    {
        if (RegionId == regionId)
        {
            return;
        }

        RegionId = regionId;
        Raise(new TicketEdited(this, [nameof(RegionId)]));
        Touch(time);
    }
}
