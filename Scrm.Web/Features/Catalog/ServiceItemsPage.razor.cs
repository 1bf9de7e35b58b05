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

/// <summary>服务项目库: search, add, edit, deactivate and import service items.</summary>
public partial class ServiceItemsPage : IDisposable
{
    private MudDataGrid<ServiceItemRow>? _grid;
    private LiveChanges? _live;
    private (string?, string?) _loaded;

    [Inject] private ServiceItemService Items { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;

    // In the URL, so a filtered list can be bookmarked; a status that names nothing is no filter.
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }

    protected override void OnInitialized()
    {
        // Another admin's edit or import shows without a reload.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Catalog, () => InvokeAsync(() => _grid?.ReloadServerData() ?? Task.CompletedTask));
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != (Search, Status))
        {
            _loaded = (Search, Status);
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }
        }
    }

    private async Task<GridData<ServiceItemRow>> LoadAsync(GridState<ServiceItemRow> state, CancellationToken ct)
    {
        var query = CatalogFilter.Query(Filter, state.SortDefinitions.FirstOrDefault(), state.Page, state.PageSize);
        var result = await Items.ListAsync(await CurrentUser.RequireAsync(), query, ct);
        return new GridData<ServiceItemRow> { Items = result.Items, TotalItems = result.Total };
    }

    private CatalogFilterValue Filter => new(Search, Status, LowOnly: false);

    private void ApplyFilter(CatalogFilterValue filter) => Navigation.NavigateTo(CatalogFilter.Uri(Navigation, filter), replace: true);

    private async Task CreateAsync()
    {
        var categories = await Items.CategoriesAsync(await CurrentUser.RequireAsync());
        if (await CatalogDialogs.EditServiceAsync(Dialogs, L, categories, item: null))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(ServiceItemRow item)
    {
        var categories = await Items.CategoriesAsync(await CurrentUser.RequireAsync());
        if (await CatalogDialogs.EditServiceAsync(Dialogs, L, categories, item))
        {
            await ReloadAsync();
        }
    }

    private async Task SetActiveAsync(ServiceItemRow item, bool active)
    {
        try
        {
            await Items.SetActiveAsync(await CurrentUser.RequireAsync(), item.Id, item.Version, active);
            Snackbar.Add(L[active ? "Catalog.Reactivated" : "Catalog.Deactivated", item.Name], Severity.Success);
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Describe(e), Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task ImportAsync()
    {
        if (await CatalogDialogs.ImportAsync(Dialogs, L, CatalogKind.Services))
        {
            await ReloadAsync();
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
}
