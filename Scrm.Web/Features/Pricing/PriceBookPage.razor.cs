using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Web.Features.Pricing.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Pricing;

/// <summary>One price book version: its matrix (editable in a draft), the simulation and the reviewer's decision.</summary>
public partial class PriceBookPage
{
    private PriceBookDetail? _detail;
    private PriceSimulationResult? _simulation;
    private bool _notFound;
    private bool _busy;
    private List<BreadcrumbItem> _crumbs = [];

    [Inject] private PriceBookService PriceBooks { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The version's id as typed in the URL: anything that is not one shows "not found".</summary>
    [Parameter] public string? Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new BreadcrumbItem(L["Nav.PriceBooks"], "admin/prices")];
        _detail = null;
        _simulation = null;
        await RefreshAsync();
    }

    /// <summary>Reads the version again, and re-runs the simulation of a draft so its figures follow every edit.</summary>
    private async Task RefreshAsync()
    {
        await ReloadAsync();
        _simulation = _detail?.Summary.State == PriceBookState.Draft
            ? await PriceBooks.SimulateAsync(await CurrentUser.RequireAsync(), _detail.Summary.Id)
            : null;
    }

    private async Task ReloadAsync()
    {
        var id = long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        _detail = id is { } value ? await PriceBooks.GetAsync(await CurrentUser.RequireAsync(), value) : null;
        _notFound = _detail is null;
    }

    private async Task ApproveAsync()
    {
        var detail = _detail!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Prices.ApproveTitle"],
            L["Prices.ApproveConfirm", detail.Summary.Number, detail.Summary.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            yesText: L["Prices.Approve"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async actor => await PriceBooks.ApproveAsync(actor, detail.Summary.Id, detail.Version), L["Prices.Approved", detail.Summary.Number]);
    }

    private async Task RejectAsync()
    {
        var detail = _detail!;
        var dialog = await Dialogs.ShowAsync<RejectDialog>(L["Prices.RejectTitle"],
            new DialogParameters<RejectDialog> { { d => d.Id, detail.Summary.Id }, { d => d.Number, detail.Summary.Number }, { d => d.Version, detail.Version } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Prices.Rejected", detail.Summary.Number], Severity.Success);
            await RefreshAsync();
        }
    }

    private Task MoveDateAsync(DateTime? date) =>
        RunAsync(async actor => await PriceBooks.MoveEffectiveDateAsync(actor, _detail!.Summary.Id, _detail.Version, date is { } d ? DateOnly.FromDateTime(d) : null),
            L["Prices.DateMoved"]);

    private async Task RunAsync(Func<Actor, Task> command, string done)
    {
        _busy = true;
        try
        {
            await command(await CurrentUser.RequireAsync());
            Snackbar.Add(done, Severity.Success);
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Describe(e), Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await RefreshAsync();
    }

    private static DateTime ToDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
