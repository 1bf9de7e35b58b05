namespace Scrm.Domain.Conditions;

/// <summary>
/// How a condition compares its subject with its operands. The first seven names are also the operators of
/// 智能必填 rules stored before conditions existed, so stored rules keep their meaning.
/// </summary>
public enum ConditionOperator
{
    Equals,
    NotEquals,
    Contains,
    GreaterThan,
    LessThan,
    IsEmpty,
    IsNotEmpty,
    GreaterOrEqual,
    LessOrEqual,
    Between,
    NotContains,
    StartsWith,
    EndsWith,
    InList,
    NotInList,
    Before,
    After,
    WithinLastHours,
}
