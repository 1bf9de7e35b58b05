namespace Scrm.Domain.Conditions;

// The facts every ticket has (urgency, region, tier, customer level, template, the acting user's role), compared as
// numbers or tier codes parsed once per condition: no allocation once warm, like the rest of the evaluation.
public sealed partial record Condition
{
    private bool EvaluateBuiltIn(BuiltInSubject subject, ConditionContext context)
    {
        var compiled = CompiledFor(BuiltInKeyBase + (int)subject);
        if (!compiled.IsValid)
        {
            return false;
        }

        if (subject == BuiltInSubject.RegionTier)
        {
            return EvaluateTier(compiled.Texts, context.RegionTier);
        }

        long? actual = subject switch
        {
            // Urgent is 0 and Low 3; negated so that a greater rank is more urgent.
            BuiltInSubject.Urgency => -(long)context.Urgency,
            BuiltInSubject.Region => context.RegionId,
            BuiltInSubject.CustomerLevel => context.CustomerLevel is { } level ? (long)level : null,
            BuiltInSubject.Template => context.TemplateId,
            BuiltInSubject.UserRole => context.UserRole is { } role ? (long)role : null,
            _ => null,
        };

        switch (Operator)
        {
            case ConditionOperator.IsEmpty:
                return actual is null;
            case ConditionOperator.IsNotEmpty:
                return actual is not null;
        }

        if (actual is not { } a)
        {
            return HoldsWithoutValue;
        }

        var n = compiled.Longs;
        if (subject == BuiltInSubject.Region)
        {
            return EvaluateRegion(n, a, context.ParentRegionId);
        }

        return Operator switch
        {
            ConditionOperator.Equals => a == n[0],
            ConditionOperator.NotEquals => a != n[0],
            ConditionOperator.GreaterThan => a > n[0],
            ConditionOperator.GreaterOrEqual => a >= n[0],
            ConditionOperator.LessThan => a < n[0],
            ConditionOperator.LessOrEqual => a <= n[0],
            ConditionOperator.InList => IndexOf(n, a) >= 0,
            ConditionOperator.NotInList => IndexOf(n, a) < 0,
            _ => false,
        };
    }

    private bool EvaluateTier(string[] codes, string? tier) => Operator switch
    {
        ConditionOperator.IsEmpty => tier is null,
        ConditionOperator.IsNotEmpty => tier is not null,
        _ when tier is null => HoldsWithoutValue,
        ConditionOperator.Equals or ConditionOperator.InList => Array.IndexOf(codes, tier) >= 0,
        ConditionOperator.NotEquals or ConditionOperator.NotInList => Array.IndexOf(codes, tier) < 0,
        _ => false,
    };

    /// <summary>A region matches itself and, for a city, its province.</summary>
    private bool EvaluateRegion(long[] operands, long regionId, long? parentId)
    {
        var matches = false;
        foreach (var id in operands)
        {
            matches |= id == regionId || id == parentId;
        }

        return Operator switch
        {
            ConditionOperator.Equals or ConditionOperator.InList => matches,
            ConditionOperator.NotEquals or ConditionOperator.NotInList => !matches,
            _ => false,
        };
    }
}
