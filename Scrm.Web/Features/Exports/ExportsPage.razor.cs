using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Exports;

/// <summary>我的导出: the user's exports with live progress (the worker's saves come through the change feed) and their downloads.</summary>
public partial class ExportsPage : IDisposable
{
    private IReadOnlyList<ExportRow>? _rows;
    private LiveChanges? _live;
    private bool _busy;

    [Inject] private ExportService Exports { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private ILogger<ExportsPage> Logger { get; set; } = default!;

    // Set by the download link when it had no file to give (ExportEndpoints).
    [SupplyParameterFromQuery(Name = "expired")] private string? Expired { get; set; }
    [SupplyParameterFromQuery(Name = "missing")] private string? Missing { get; set; }
    [SupplyParameterFromQuery(Name = "nofile")] private string? NoFile { get; set; }

    private string? Notice => Expired is not null ? "Export.LinkExpired" : Missing is not null ? "Export.LinkMissing" : NoFile is not null ? "Export.LinkNoFile" : null;

    protected override async Task OnInitializedAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Export && c.UserId == actor.UserId,
                () => InvokeAsync(async () => { await LoadAsync(actor); StateHasChanged(); }), Time, logger: Logger);
        }

        await LoadAsync(actor);
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadAsync(Actor actor) => _rows = await Exports.ListMineAsync(actor);

    private async Task CancelAsync(ExportRow row)
    {
        _busy = true;
        try
        {
            var actor = await CurrentUser.RequireAsync();
            await Exports.CancelAsync(actor, row.Id);
            Snackbar.Add(L["Export.Cancelled"], Severity.Info);
            await LoadAsync(actor);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private string RowsText(ExportRow row) => row.State switch
    {
        ExportState.Queued => L["Export.Waiting"],
        ExportState.Running => L["Export.RowsOf", row.RowsWritten.ToString("N0", CultureInfo.InvariantCulture), (row.TotalRows ?? 0).ToString("N0", CultureInfo.InvariantCulture)],
        ExportState.Done when row.RowsWritten == 0 => L["Export.NoRows"],
        _ => L["Export.Rows", row.RowsWritten.ToString("N0", CultureInfo.InvariantCulture)],
    };

    private static Color ColorOf(ExportState state) => state switch
    {
        ExportState.Done => Color.Success,
        ExportState.Running or ExportState.Queued => Color.Info,
        ExportState.Failed => Color.Error,
        _ => Color.Default,
    };
}
