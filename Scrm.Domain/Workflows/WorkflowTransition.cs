using Scrm.Domain.Conditions;

namespace Scrm.Domain.Workflows;

/// <summary>
/// An edge of the graph. From a Step or Approval it is a button labelled <see cref="Label"/>; from a Branch it is a
/// condition tried in <see cref="Order"/>, or the default; from Start, Timer and Action it is simply the way on.
/// </summary>
public sealed record WorkflowTransition
{
    public const int LabelMaxLength = 20;

    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string Label { get; init; } = "";

    /// <summary>Only when this holds may the button be pressed (or the branch taken).</summary>
    public ConditionGroup? Guard { get; init; }

    /// <summary>A Branch's fallback when no condition holds.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Order among the node's outgoing transitions: button order, or the order branch conditions are tried.</summary>
    public int Order { get; init; }
}
