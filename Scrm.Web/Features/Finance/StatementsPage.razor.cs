using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Domain.Users;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Finance;

/// <summary>对账单: one row per payee for the month in the URL (last month by default), a payee's lines, confirm, paid, Excel.</summary>
public partial class StatementsPage
{
    private IReadOnlyList<StatementRow>? _rows;
    private StatementDetailView? _detail;
    private IReadOnlyList<DateOnly> _months = [];
    private DateOnly? _month;
    private bool _canConfirm;
    private bool _busy;

    [Inject] private StatementService Statements { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary><c>?month=2026-10</c>; none is last month, anything that is not a month gets a message.</summary>
    [SupplyParameterFromQuery(Name = "month")] private string? Month { get; set; }

    /// <summary><c>?payee=…</c>: whose lines are shown below the table.</summary>
    [SupplyParameterFromQuery(Name = "payee")] private string? Payee { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        _canConfirm = actor.Role == Role.Finance;
        _months = FinanceMonths.Recent(Time);
        _month = string.IsNullOrEmpty(Month) ? FinanceMonths.LastMonth(Time) : FinanceMonths.Parse(Month);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _detail = null;
        if (_month is not { } month)
        {
            _rows = null;
            return;
        }

        var actor = await CurrentUser.RequireAsync();
        _rows = await Statements.MonthAsync(actor, month);
        if (Payee is not null)
        {
            _detail = await Statements.DetailAsync(actor, Payee, month);
        }
    }

    private void GoToMonth(DateOnly month) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["month"] = LedgerMonth.Format(month), ["payee"] = null }));

    private void Open(StatementRow row) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["month"] = LedgerMonth.Format(row.Month), ["payee"] = row.PayeeId }));

    private async Task ConfirmAsync(StatementRow row)
    {
        var month = LedgerMonth.Format(row.Month);
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Finance.ConfirmTitle"],
            L["Finance.ConfirmText", row.PayeeName, month, row.LineCount, Money.Format(row.Total)],
            yesText: L["Finance.Confirm"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async actor => await Statements.ConfirmAsync(actor, row.PayeeId, row.Month), L["Finance.Confirmed", row.PayeeName, month]);
    }

    private async Task MarkPaidAsync(StatementRow row)
    {
        var month = LedgerMonth.Format(row.Month);
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Finance.MarkPaidTitle"], L["Finance.MarkPaidText", row.PayeeName, month, Money.Format(row.Total)],
            yesText: L["Finance.MarkPaid"], cancelText: L["Common.Cancel"]);
        if (confirmed == true && row.StatementId is { } id)
        {
            await RunAsync(actor => Statements.MarkPaidAsync(actor, id), L["Finance.MarkedPaid", row.PayeeName, month]);
        }
    }

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

        await LoadAsync();
    }
}
