using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Settlements.Components;

/// <summary>An item of the picker: a service or a part.</summary>
public sealed record WorkChoice(PricedItemKind Kind, WorkItemOption Item);

public partial class WorkAddForm
{
    private WorkChoice? _choice;
    private string? _quantity = "1";
    private long? _warehouseId;
    private Dictionary<string, string> _errors = [];
    private string? _error;
    private bool _busy;

    /// <summary>What may be picked: active services and parts, and the warehouses.</summary>
    [Parameter, EditorRequired] public WorkOptions Options { get; set; } = default!;

    /// <summary>The warehouse a part is taken from unless the user picks another.</summary>
    [Parameter] public long? DefaultWarehouseId { get; set; }

    /// <summary>Saves the line; a <see cref="DomainException"/> it throws is shown at its field.</summary>
    [Parameter, EditorRequired] public EventCallback<WorkForm> OnRecord { get; set; }

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private string? ErrorAt(string field) => _errors.GetValueOrDefault(field);

    private string Describe(WorkChoice? choice) =>
        choice is null ? "" : $"{L[$"Work.Kind.{choice.Kind}"]} · {choice.Item.Code} {choice.Item.Name}";

    private Task<IEnumerable<WorkChoice>> Search(string? term, CancellationToken ct)
    {
        var all = Options.Services.Select(s => new WorkChoice(PricedItemKind.Service, s))
            .Concat(Options.Parts.Select(p => new WorkChoice(PricedItemKind.Part, p)));
        var text = term?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? all : all.Where(c =>
            c.Item.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || c.Item.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || Describe(c).Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    private void ChoiceChanged(WorkChoice? choice)
    {
        _choice = choice;
        _errors.Remove(nameof(WorkForm.ItemId));
        if (choice?.Kind == PricedItemKind.Part)
        {
            _warehouseId ??= DefaultWarehouseId;
        }
    }

    private async Task SubmitAsync()
    {
        (_errors, _error) = ([], null);
        var form = new WorkForm
        {
            Kind = _choice?.Kind ?? PricedItemKind.Service,
            ItemId = _choice?.Item.Id,
            WarehouseId = _choice?.Kind == PricedItemKind.Part ? _warehouseId : null,
        };
        _busy = true;
        try
        {
            form.Quantity = WorkQuantity.Parse(_quantity);
            await OnRecord.InvokeAsync(form);
            (_choice, _quantity) = (null, "1");
        }
        catch (DomainException ex) when (ex.Field is { } field && field is nameof(WorkForm.ItemId) or nameof(WorkForm.Quantity) or nameof(WorkForm.WarehouseId))
        {
            _errors[field] = L.Describe(ex);
        }
        catch (DomainException ex)
        {
            _error = L.Describe(ex);
        }
        finally
        {
            _busy = false;
        }
    }
}

/// <summary>A quantity as typed in the field: a plain number ("2", "1.5"), more than zero, at most two decimals.</summary>
public static class WorkQuantity
{
    public static decimal Parse(string? text)
    {
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new DomainException("QuantityNotANumber", "Type a number, such as 20 or 2.5.") { Field = nameof(WorkForm.Quantity) };
        }

        return Domain.Catalog.Quantity.Check(value, nameof(WorkForm.Quantity), allowZero: false);
    }
}
