using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Admin;

/// <summary>
/// 系统维护: maintenance an admin starts by hand. For now the rebuild of the dashboards' rollups, which runs in the
/// background (<see cref="RollupRebuildRunner"/>); the page follows it through the runner's event, so every admin who has
/// the page open sees it start and end.
/// </summary>
public partial class MaintenancePage
{
    private bool _busy;

    [Inject] private RollupRebuildRunner Runner { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    protected override void OnInitialized() => Runner.Changed += OnRunnerChanged;

    public void Dispose()
    {
        Runner.Changed -= OnRunnerChanged;
        GC.SuppressFinalize(this);
    }

    // Raised on the runner's thread: render on the circuit's.
    private void OnRunnerChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task StartAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Maintenance.Rollups.ConfirmTitle"], L["Maintenance.Rollups.Confirm"],
            yesText: L["Maintenance.Rollups.Start"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            // The runner re-checks that the caller is an admin: the click arrives over the circuit, not through the page's attribute.
            await Runner.StartAsync(await CurrentUser.RequireAsync());
            Snackbar.Add(L["Maintenance.Rollups.Started"], Severity.Info);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
