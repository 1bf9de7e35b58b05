using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Pricing.Components;

/// <summary>
/// The prices of a version as a matrix: items (services, then parts) × tier × partner type, each cell the settlement price
/// over the customer price. In a draft an admin clicks a cell to edit it; a refusal shows at the cell.
/// </summary>
public partial class PriceMatrix
{
    private const string AllCategories = "";
    private const string PartsCategory = "\u0001parts";

    private string? _search;
    private string _category = AllCategories;
    private PriceKey? _editing;
    private string? _error;
    private bool _busy;

    [Inject] private PriceBookService PriceBooks { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The version shown.</summary>
    [Parameter, EditorRequired] public PriceBookDetail Detail { get; set; } = default!;

    /// <summary>Raised after a cell was saved or cleared, so the page reloads the version (its new concurrency version).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private List<PriceColumn> Columns => Detail.Columns.ToList();

    private IEnumerable<string> Categories => Detail.Items.Where(i => i.Kind == PricedItemKind.Service).Select(i => i.Category!).Distinct();

    private IEnumerable<PricedItemRow> Visible => Detail.Items.Where(i =>
        (_category == AllCategories || (_category == PartsCategory ? i.Kind == PricedItemKind.Part : i.Kind == PricedItemKind.Service && i.Category == _category))
        && (string.IsNullOrWhiteSpace(_search) || i.Code.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase) || i.Name.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)));

    private string CellClass(PriceKey key) =>
        "scrm-pm-cell" + (Detail.MayEdit ? " scrm-pm-editable" : "") + (_editing == key ? " scrm-pm-editing" : "") + (Detail.Prices.ContainsKey(key) ? "" : " scrm-pm-empty");

    private void StartEditing(PriceKey key)
    {
        if (Detail.MayEdit && !_busy)
        {
            (_editing, _error) = (key, null);
        }
    }

    private void StopEditing() => (_editing, _error) = (null, null);

    private Task SaveAsync(PriceKey key, PriceCellInput input) =>
        RunAsync(async actor => await PriceBooks.SetPriceAsync(actor, Detail.Summary.Id, Detail.Version, new SetPriceRequest(key, input.Settlement, input.Customer)));

    private Task RemoveAsync(PriceKey key) => RunAsync(actor => PriceBooks.RemovePriceAsync(actor, Detail.Summary.Id, Detail.Version, key));

    private async Task RunAsync(Func<Actor, Task> change)
    {
        _busy = true;
        try
        {
            await change(await CurrentUser.RequireAsync());
            StopEditing();
            await Changed.InvokeAsync();
        }
        catch (DomainException e)
        {
            _error = L.Describe(e);
        }
        finally
        {
            _busy = false;
        }
    }
}
