using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Features.Catalog.Components;
using Scrm.Web.Features.Catalog.Import;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Catalog;

/// <summary>备件库: parts with their stock per warehouse (low rows marked), stocktakes with a reason, and the import.</summary>
public partial class SparePartsPage : IDisposable
{
    private MudDataGrid<SparePartRow>? _grid;
    private IReadOnlyList<WarehouseOption> _warehouses = [];
    private LiveChanges? _live;
    private CatalogFilterValue? _loaded;

    [Inject] private SparePartService Parts { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }

    /// <summary>The workbench's low-stock alert links here with <c>low=true</c>.</summary>
    [SupplyParameterFromQuery(Name = "low")] private bool LowOnly { get; set; }

    private CatalogFilterValue Filter => new(Search, Status, LowOnly);

    protected override async Task OnInitializedAsync()
    {
        // Stock taken on a job, another admin's count or an import: the list follows.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Catalog, () => InvokeAsync(ReloadAsync));
        }

        _warehouses = await Parts.WarehousesAsync(await CurrentUser.RequireAsync());
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != Filter)
        {
            _loaded = Filter;
            await ReloadAsync();
        }
    }

    private async Task<GridData<SparePartRow>> LoadAsync(GridState<SparePartRow> state, CancellationToken ct)
    {
        var query = CatalogFilter.Query(Filter, state.SortDefinitions.FirstOrDefault(), state.Page, state.PageSize);
        var result = await Parts.ListAsync(await CurrentUser.RequireAsync(), query, ct);
        return new GridData<SparePartRow> { Items = result.Items, TotalItems = result.Total };
    }

    private void ApplyFilter(CatalogFilterValue filter) => Navigation.NavigateTo(CatalogFilter.Uri(Navigation, filter), replace: true);

    private async Task CreateAsync()
    {
        if (await CatalogDialogs.EditPartAsync(Dialogs, L, part: null))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(SparePartRow part)
    {
        if (await CatalogDialogs.EditPartAsync(Dialogs, L, part))
        {
            await ReloadAsync();
        }
    }

    private async Task CountAsync(SparePartRow part)
    {
        if (await CatalogDialogs.CountStockAsync(Dialogs, L, part, _warehouses))
        {
            await ReloadAsync();
        }
    }

    private async Task SetActiveAsync(SparePartRow part, bool active)
    {
        try
        {
            await Parts.SetActiveAsync(await CurrentUser.RequireAsync(), part.Id, part.Version, active);
            Snackbar.Add(L[active ? "Catalog.Reactivated" : "Catalog.Deactivated", part.Name], Severity.Success);
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Describe(e), Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task ImportAsync()
    {
        if (await CatalogDialogs.ImportAsync(Dialogs, L, CatalogKind.Parts))
        {
            await ReloadAsync();
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
}
