using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Pricing;

/// <summary>价格表: every version, the one in force today, and the draft waiting for the reader's approval.</summary>
public partial class PriceBooksPage : IDisposable
{
    private PriceBookOverview? _overview;
    private LiveChanges? _live;
    private bool _busy;

    [Inject] private PriceBookService PriceBooks { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // A colleague's draft or decision shows without a reload.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.PriceBook, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }

        await LoadAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadAsync() => _overview = await PriceBooks.OverviewAsync(await CurrentUser.RequireAsync());

    private void Open(TableRowClickEventArgs<PriceBookRow> click)
    {
        if (click.Item is { } row)
        {
            Navigation.NavigateTo($"admin/prices/{row.Id}");
        }
    }

    private async Task CreateDraftAsync()
    {
        _busy = true;
        try
        {
            var id = await PriceBooks.CreateDraftAsync(await CurrentUser.RequireAsync());
            Snackbar.Add(L["Prices.DraftCreated"], Severity.Success);
            Navigation.NavigateTo($"admin/prices/{id}");
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Describe(e), Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
