using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Templates.Components;

/// <summary>
/// Builds one 智能必填 rule: trigger field, an operator that suits its type, a value when the operator needs one,
/// and the field it makes required. Keeps the input while <see cref="Save"/> refuses and clears it once saved.
/// </summary>
public partial class RuleEditor
{
    // Inputs this editor can point a refusal at; anything else is shown above them.
    private static readonly string[] Inputs = ["Operator", "Operand", "RequiredFieldKey"];

    private string? _whenKey;
    private ConditionOperator _operator;
    private string? _operand;
    private string? _requiredKey;
    private string? _error;
    private string? _errorField;
    private bool _busy;

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The template's fields, in form order.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<FieldDefinition> Fields { get; set; } = [];

    /// <summary>Adds the rule; throws <see cref="DomainException"/> when it is refused.</summary>
    [Parameter, EditorRequired] public Func<RuleForm, Task> Save { get; set; } = default!;

    /// <summary>Another save is running.</summary>
    [Parameter] public bool Disabled { get; set; }

    private FieldDefinition? When => Fields.FirstOrDefault(f => f.Key == _whenKey);

    private IReadOnlyList<ConditionOperator> Operators => When is { } when ? FieldRule.OperatorsFor(when.Type) : [];

    private bool CanAdd => !Disabled && !_busy && When is not null && Operators.Contains(_operator) && _requiredKey is not null
        && (!_operator.NeedsOperand() || !string.IsNullOrWhiteSpace(_operand));

    private string? Preview => When is { } when && _requiredKey is not null
        ? L.Sentence(when.Label, _operator, _operand, LabelOf(_requiredKey), when.Type)
        : null;

    private string? GeneralError => _error is not null && !Inputs.Contains(_errorField) ? _error : null;

    protected override void OnParametersSet()
    {
        // The fields may have changed under the editor (a field deleted or renamed): drop choices that no longer exist.
        if (_whenKey is not null && When is null)
        {
            Reset();
        }

        if (_requiredKey is not null && (_requiredKey == _whenKey || Fields.All(f => f.Key != _requiredKey)))
        {
            _requiredKey = null;
        }
    }

    private string LabelOf(string? key) => Fields.FirstOrDefault(f => f.Key == key)?.Label ?? key ?? "";

    private string? ErrorFor(string input) => _errorField == input ? _error : null;

    private void ChooseTrigger(string? key)
    {
        _whenKey = key;
        var when = When;
        _operator = when is null ? default : FieldRule.OperatorsFor(when.Type)[0];
        _operand = null;
        if (_requiredKey == key)
        {
            _requiredKey = null;
        }

        (_error, _errorField) = (null, null);
    }

    private void ChooseOperator(ConditionOperator? chosen)
    {
        if (chosen is not { } op)
        {
            return;
        }

        _operator = op;
        if (!op.NeedsOperand())
        {
            _operand = null;
        }
    }

    private async Task AddAsync()
    {
        _busy = true;
        (_error, _errorField) = (null, null);
        try
        {
            await Save(new RuleForm { WhenFieldKey = _whenKey, Operator = _operator, Operand = _operand, RequiredFieldKey = _requiredKey });
            Reset();
        }
        catch (ConcurrencyConflictException)
        {
            // The page shows the conflict with a reload button; the input stays so the admin can add it again.
        }
        catch (DomainException ex)
        {
            (_error, _errorField) = (L.Describe(ex), ex.Field);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Reset() => (_whenKey, _operator, _operand, _requiredKey) = (null, default, null, null);
}
