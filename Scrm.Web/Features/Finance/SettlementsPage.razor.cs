using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Finance.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Finance;

/// <summary>结算: the held queue (待处理) with its retries, and what was posted (已入账), kept live by the change feed.</summary>
public partial class SettlementsPage : IDisposable
{
    private IReadOnlyList<HeldSettlementRow>? _held;
    private IReadOnlyList<DateOnly> _months = [];
    private PostedSettlements? _posted;
    private LiveChanges? _live;
    private int _tab;
    private bool _busy;
    private bool _linkTickets;

    [Inject] private SettlementService Settlements { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;

    /// <summary><c>?tab=posted</c> opens 已入账.</summary>
    [SupplyParameterFromQuery(Name = "tab")] private string? Tab { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _tab = Tab == "posted" ? 1 : 0;
        _linkTickets = Tickets.TicketAccessRules.OpensTicketsFromLists(await CurrentUser.RequireAsync());
        _months = FinanceMonths.Recent(Time);
        if (RendererInfo.IsInteractive)
        {
            // A settlement posted or held anywhere (a completion, an automatic retry) shows here without a reload.
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Settlement, () => InvokeAsync(async () =>
            {
                await LoadHeldAsync();
                if (_posted is not null)
                {
                    await _posted.LoadAsync();
                }

                StateHasChanged();
            }));
        }

        await LoadHeldAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadHeldAsync() => _held = await Settlements.HeldAsync(await CurrentUser.RequireAsync());

    private async Task RetryAsync(HeldSettlementRow row)
    {
        _busy = true;
        try
        {
            var state = await Settlements.RetryAsync(await CurrentUser.RequireAsync(), row.SettlementId);
            Snackbar.Add(state == SettlementState.Posted ? L["Finance.RetryPosted", row.TicketNumber] : L["Finance.RetryStillHeld", row.TicketNumber],
                state == SettlementState.Posted ? Severity.Success : Severity.Warning);
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Describe(e), Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await LoadHeldAsync();
    }

    private async Task RetryAllAsync()
    {
        _busy = true;
        try
        {
            var result = await Settlements.RetryAllAsync(await CurrentUser.RequireAsync());
            Snackbar.Add(L["Finance.RetryAllDone", result.Posted, result.StillHeld], result.StillHeld == 0 ? Severity.Success : Severity.Info);
        }
        finally
        {
            _busy = false;
        }

        await LoadHeldAsync();
    }
}
