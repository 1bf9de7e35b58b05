using Scrm.Domain.Common;

namespace Scrm.Domain.Boards;

/// <summary>
/// WIP 上限: how many cards one column of a template's board should hold at most. The board shows the header amber
/// when the count is over it; it never refuses a move (work that arrives must have somewhere to go).
/// </summary>
public sealed class BoardColumnLimit : AggregateRoot
{
    public const int ColumnKeyMaxLength = 60;
    public const int MaxLimit = 999;

    private BoardColumnLimit() { }

    public long Id { get; private set; }
    public long TemplateId { get; private set; }

    /// <summary>The column: a workflow node id, or a status name for a board without a workflow.</summary>
    public string ColumnKey { get; private set; } = "";

    /// <summary>The limit, or null when an admin cleared it.</summary>
    public int? Limit { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>A limit for a column that had none; <paramref name="limit"/> must be 1–999.</summary>
    public static BoardColumnLimit Create(long templateId, string? columnKey, int? limit, TimeProvider time)
    {
        var key = Guard.RequiredText(columnKey, "ColumnKey", ColumnKeyMaxLength);
        var row = new BoardColumnLimit { TemplateId = templateId, ColumnKey = key };
        row.Set(limit, time);
        return row;
    }

    /// <summary>Sets the limit (null clears it). Anything outside 1–999 is refused and nothing changes.</summary>
    public void Set(int? limit, TimeProvider time)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new DomainException("WipLimitInvalid", $"A WIP limit is a whole number from 1 to {MaxLimit}, or empty for none.", MaxLimit)
            {
                Field = nameof(Limit),
            };
        }

        if (Limit == limit && Id != 0)
        {
            return;
        }

        Limit = limit;
        UpdatedAt = time.GetUtcNow().UtcDateTime;
        Raise(new BoardColumnLimitChanged(this));
    }
}

/// <summary>A column's WIP limit was set or cleared: open boards of the template redraw the header.</summary>
public sealed record BoardColumnLimitChanged(BoardColumnLimit Limit) : IDomainEvent;
