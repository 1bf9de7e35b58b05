using Scrm.Domain.Common;
using Scrm.Domain.Conditions;

namespace Scrm.Domain.Templates;

/// <summary>工单模板: the form (custom fields and their 智能必填 rules) a ticket is created from.</summary>
public sealed class TicketTemplate : AggregateRoot
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 500;
    public const int MaxFields = 30;

    private readonly List<FieldDefinition> _fields = [];
    private readonly List<FieldRule> _rules = [];

    private TicketTemplate() { }

    public TicketTemplate(string name, string? description)
    {
        Rename(name);
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
        IsActive = true;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The name as compared for uniqueness: 安装工单 and "Aircon" are taken whatever the case typed.</summary>
    public string NameKey { get; private set; } = "";

    public static string KeyOf(string name) => name.Trim().ToUpperInvariant();
    public string? Description { get; private set; }

    /// <summary>Inactive templates keep their tickets but offer no new ones.</summary>
    public bool IsActive { get; private set; }

    public IReadOnlyList<FieldDefinition> Fields => _fields.OrderBy(f => f.SortOrder).ToList();
    public IReadOnlyCollection<FieldRule> Rules => _rules;

    // Tickets and the designer cache templates; the event tells them this one changed.
    private void Changed()
    {
        if (!DomainEvents.OfType<TemplateChanged>().Any())
        {
            Raise(new TemplateChanged(this));
        }
    }

    private void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        NameKey = KeyOf(Name);
    }

    public FieldDefinition? FindField(string key) => _fields.Find(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    public void Update(string name, string? description, bool isActive)
    {
        Rename(name);
        Description = Guard.OptionalText(description, "Description", DescriptionMaxLength);
        IsActive = isActive;
        Changed();
    }

    public FieldDefinition AddField(string key, string label, FieldType type, bool isRequired = false, string? helpText = null,
        IEnumerable<string>? options = null, decimal? min = null, decimal? max = null, DateOnly? minDate = null, DateOnly? maxDate = null)
    {
        if (_fields.Count >= MaxFields)
        {
            throw new DomainException("TooManyFields", $"A template can have at most {MaxFields} fields.", MaxFields);
        }

        if (_fields.Exists(f => string.Equals(f.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("FieldKeyTaken", $"The template already has a field with key \"{key}\".", key ?? "") { Field = "Key" };
        }

        var field = new FieldDefinition(key!, label, type, _fields.Count == 0 ? 0 : _fields.Max(f => f.SortOrder) + 1);
        field.Update(label, isRequired, helpText, options, min, max, minDate, maxDate);
        _fields.Add(field);
        Changed();
        return field;
    }

    public void UpdateField(string key, string label, bool isRequired, string? helpText = null,
        IEnumerable<string>? options = null, decimal? min = null, decimal? max = null, DateOnly? minDate = null, DateOnly? maxDate = null)
    {
        var field = RequireField(key);

        // Check the new settings on a copy, so a refused update leaves the field as it was.
        var proposed = new FieldDefinition(field.Key, label, field.Type, field.SortOrder);
        proposed.Update(label, isRequired, helpText, options, min, max, minDate, maxDate);
        foreach (var rule in _rules.Where(r => r.WhenFieldKey == key))
        {
            var condition = rule.ToCondition(field.Type);
            foreach (var operand in condition.Operands)
            {
                if (ConditionOperands.Normalize(proposed, condition.Operator, operand, allowRelativeDates: false) is null)
                {
                    throw new DomainException("FieldUsedByRule", $"A rule compares {field.Label} with \"{operand}\", which the field no longer accepts; change the rule first.", field.Label, operand);
                }
            }
        }

        field.Update(label, isRequired, helpText, options, min, max, minDate, maxDate);
        Changed();
    }

    public void RemoveField(string key)
    {
        var field = RequireField(key);
        if (_rules.Exists(r => r.WhenFieldKey == key || r.RequiredFieldKey == key))
        {
            throw new DomainException("FieldUsedByRule", $"{field.Label} is used by a rule; delete the rule first.", field.Label);
        }

        _fields.Remove(field);
        Changed();
    }

    /// <summary>Moves a field one place up (<paramref name="delta"/> = -1) or down (+1) in the form.</summary>
    public void MoveField(string key, int delta)
    {
        var ordered = Fields.ToList();
        var index = ordered.FindIndex(f => f.Key == key);
        var target = index + delta;
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SortOrder = i;
        }

        Changed();
    }

    /// <summary>
    /// Adds a 智能必填 rule: when <paramref name="whenFieldKey"/> meets "<paramref name="op"/> <paramref name="operand"/>", the field
    /// <paramref name="requiredFieldKey"/> is required. The operator must be one of <see cref="FieldRule.OperatorsFor"/> for the trigger's
    /// type; the operand is stored in canonical form (as <see cref="Condition.Create"/> would) and ignored by the empty checks.
    /// </summary>
    public FieldRule AddRule(string whenFieldKey, ConditionOperator op, string? operand, string requiredFieldKey)
    {
        var when = RequireField(whenFieldKey);
        var required = RequireField(requiredFieldKey);
        if (when == required)
        {
            throw new DomainException("RuleSelf", "A rule cannot make a field required by its own value.") { Field = "RequiredFieldKey" };
        }

        if (!FieldRule.OperatorsFor(when.Type).Contains(op))
        {
            throw new DomainException("RuleOperatorInvalid", $"The operator {op} does not apply to {when.Label}.", op.ToString(), when.Label) { Field = "Operator" };
        }

        string? canonical = null;
        if (op.NeedsOperand())
        {
            canonical = ConditionOperands.Normalize(when, op, operand, allowRelativeDates: false)
                ?? throw new DomainException("RuleOperandInvalid", $"\"{operand}\" is not a value {when.Label} can take.", operand ?? "", when.Label) { Field = "Operand" };
            canonical = Guard.OptionalText(canonical, "Operand", FieldRule.OperandMaxLength);
        }

        // Compared as conditions, so a rule stored in older terms (checkbox "equals true") counts as the same as its newer form.
        var rule = new FieldRule(when.Key, op, canonical, required.Key);
        var trigger = rule.ToCondition(when.Type);
        if (_rules.Exists(r => r.WhenFieldKey == when.Key && r.RequiredFieldKey == required.Key && r.ToCondition(when.Type) == trigger))
        {
            throw new DomainException("RuleDuplicate", "The same rule already exists.");
        }

        _rules.Add(rule);
        Changed();
        return rule;
    }

    public void RemoveRule(FieldRule rule)
    {
        if (_rules.Remove(rule))
        {
            Changed();
        }
    }

    /// <summary>Keys of the fields required for these values: always-required ones plus those whose rule applies.</summary>
    public IReadOnlySet<string> RequiredKeys(IReadOnlyDictionary<string, string> values)
    {
        var keys = _fields.Where(f => f.IsRequired).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in _rules)
        {
            if (FindField(rule.WhenFieldKey) is { } when && rule.Applies(when.Type, values))
            {
                keys.Add(rule.RequiredFieldKey);
            }
        }

        return keys;
    }

    /// <summary>
    /// Checks raw values posted for this template and returns them in canonical form (empty ones dropped).
    /// Throws <see cref="FieldValidationException"/> listing every problem: unknown keys, bad values, missing required ones.
    /// </summary>
    public IReadOnlyDictionary<string, string> ValidateValues(IReadOnlyDictionary<string, string?> raw)
    {
        var errors = new List<FieldError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in raw)
        {
            var field = FindField(key);
            if (field is null)
            {
                errors.Add(new FieldError(key, key, "Unknown", []));
                continue;
            }

            var (value, error) = FieldValues.Normalize(field, text);
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (value is not null)
            {
                values[key] = value;
            }
        }

        foreach (var key in RequiredKeys(values))
        {
            if (!values.ContainsKey(key) && !errors.Exists(e => e.FieldKey == key))
            {
                var field = FindField(key)!;
                errors.Add(new FieldError(key, field.Label, "Required", []));
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        return values;
    }

    private FieldDefinition RequireField(string key) =>
        FindField(key) ?? throw new DomainException("FieldNotFound", $"The template has no field \"{key}\".", key);
}

/// <summary>A template's name, state, fields or rules changed.</summary>
public sealed record TemplateChanged(TicketTemplate Template) : IDomainEvent;
