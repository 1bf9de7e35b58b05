namespace Scrm.Domain.Workflows;

/// <summary>One reason a workflow cannot be published, pointing at the node or transition it concerns.</summary>
public sealed record WorkflowProblem(string Code, string? NodeId, string? TransitionId, IReadOnlyList<object> Args)
{
    /// <summary>For a <c>Guard</c> problem, what is wrong with the condition, so the UI can say it in the user's language.</summary>
    public Conditions.ConditionProblem? Detail { get; init; }

    public string Message => Code switch
    {
        "StartCount" => $"A workflow needs exactly one Start node (it has {Args[0]}).",
        "Unreachable" => $"{Args[0]} cannot be reached from Start.",
        "NoWayOut" => $"{Args[0]} has no way out.",
        "EndHasWayOut" => $"{Args[0]} is an End node and cannot lead anywhere.",
        "BranchNoDefault" => $"Branch {Args[0]} needs a default way for when no condition holds.",
        "BranchManyDefaults" => $"Branch {Args[0]} has more than one default way.",
        "BranchNeedsCondition" => $"A way out of branch {Args[0]} other than the default needs a condition.",
        "SingleWayOut" => $"{Args[0]} must have exactly one way out.",
        "AutomaticCycle" => $"{Args[0]} is on a loop of automatic nodes with no human step: tickets would go round forever.",
        "DanglingTransition" => $"A transition points to a node that does not exist ({Args[0]}).",
        "SelfLoop" => $"{Args[0]} has a transition to itself.",
        "LabelRequired" => $"A button leaving {Args[0]} needs a label.",
        "NameRequired" => "Every node needs a name.",
        "DuplicateId" => $"Two nodes or transitions share the id {Args[0]}.",
        "ActorRequired" => $"{Args[0]} needs a rule for who acts on it.",
        "RequiredFieldMissing" => $"{Args[0]} requires the field \"{Args[1]}\", which the template does not have.",
        "TimerSetting" => $"Timer {Args[0]} needs either a number of minutes or a date field.",
        "TimerFieldNotDate" => $"Timer {Args[0]} waits for \"{Args[1]}\", which is not a date field of the template.",
        "ActionSetting" => $"Action {Args[0]} is missing its settings.",
        "ActionFieldInvalid" => $"Action {Args[0]} sets \"{Args[1]}\" to a value that field cannot hold.",
        "EndOutcome" => $"End {Args[0]} needs an outcome.",
        "Guard" => $"The condition on a way out of {Args[0]}: {Args[1]}",
        "TooManyNodes" => $"A workflow can have at most {Args[0]} nodes.",
        "MigrationUnmapped" => $"{Args[1]} tickets wait at {Args[0]}, which is not mapped to a step of the new version.",
        _ => $"{Code}",
    };
}
