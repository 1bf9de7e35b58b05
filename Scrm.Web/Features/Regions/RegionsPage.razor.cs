using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Web.Features.Regions.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Regions;

/// <summary>区域: the province → city tree on the left, the chosen region's details and actions on the right.</summary>
public partial class RegionsPage : IDisposable
{
    private RegionTree? _tree;
    private long? _selectedId;
    private LiveChanges? _live;

    [Inject] private RegionAdminService Regions { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Another admin's edits (a rename, a new city, a tier list entry, someone's regions) show without a reload.
        _live = LiveChanges.Subscribe(Feed, c => c.Kind is ChangeKinds.Region or ChangeKinds.ReferenceData or ChangeKinds.User,
            () => InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            }));
        await ReloadAsync();
        _selectedId = _tree?.Provinces is [var first, ..] ? (first.Cities is [var city, ..] ? city.Id : first.Id) : null;
    }

    private async Task ReloadAsync() => _tree = await Regions.GetTreeAsync(await CurrentUser.RequireAsync());

    private void Select(long id) => _selectedId = id;

    /// <summary>The shown region was deleted or merged: show the region it went into, if any.</summary>
    private async Task GoneAsync(long? successorId)
    {
        await ReloadAsync();
        _selectedId = successorId;
    }

    private async Task AddProvinceAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddProvinceDialog>(L["Regions.AddProvince"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        await SelectCreatedAsync(dialog);
    }

    private async Task AddCityAsync()
    {
        var province = _selectedId is { } id && _tree?.Find(id) is { } node ? node.ParentId ?? node.Id : _tree!.Provinces[0].Id;
        var parameters = new DialogParameters<AddCityDialog> { { d => d.Tree, _tree }, { d => d.ProvinceId, province } };
        var dialog = await Dialogs.ShowAsync<AddCityDialog>(L["Regions.AddCity"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await SelectCreatedAsync(dialog);
    }

    private async Task SelectCreatedAsync(IDialogReference dialog)
    {
        if (await dialog.Result is { Canceled: false, Data: long id })
        {
            await ReloadAsync();
            _selectedId = id;
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }
}
