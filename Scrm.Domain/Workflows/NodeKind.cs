namespace Scrm.Domain.Workflows;

/// <summary>What a workflow node does. Start, Branch and Action run by themselves; the others wait.</summary>
public enum NodeKind
{
    Start,
    Step,
    Approval,
    Branch,
    Timer,
    Action,
    End,
}

/// <summary>How an End node finishes the ticket.</summary>
public enum EndOutcome
{
    Resolved,
    Closed,
    Cancelled,
}

/// <summary>What an Action node does automatically.</summary>
public enum ActionKind
{
    Notify,
    SetField,
    Settle,
}

/// <summary>What happens when a Timer node's wait is over: the ticket goes on, and with Escalate supervisors are alerted too.</summary>
public enum TimerExpiry
{
    Continue,
    Escalate,
}

public static class NodeKindInfo
{
    /// <summary>Nodes where a ticket rests until a person (or a timer) moves it on.</summary>
    public static bool Waits(this NodeKind kind) => kind is NodeKind.Step or NodeKind.Approval or NodeKind.Timer or NodeKind.End;

    /// <summary>Nodes whose outgoing transitions are buttons a person presses.</summary>
    public static bool IsHuman(this NodeKind kind) => kind is NodeKind.Step or NodeKind.Approval;
}
