using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Finance.Components;

/// <summary>已入账 with its own filter (completion month, payee, ticket number) and the refund action.</summary>
public partial class PostedSettlements
{
    private readonly Dictionary<long, SettlementDetail> _details = [];
    private IReadOnlyList<PostedSettlementRow>? _rows;
    private IReadOnlyList<PayeeOption> _payees = [];
    private string _month = "";
    private string _payeeId = "";
    private string? _number;

    [Inject] private SettlementService Settlements { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The months offered in the filter, newest first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<DateOnly> Months { get; set; } = [];

    /// <summary>Raised after a refund, so the page can refresh what else it shows.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _payees = await Settlements.PayeesAsync(await CurrentUser.RequireAsync());
        await LoadAsync();
    }

    /// <summary>Reads the list again (after a change elsewhere); open rows stay open with fresh detail.</summary>
    public async Task LoadAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        _rows = await Settlements.PostedAsync(actor, new PostedFilter(FinanceMonths.Parse(_month), _payeeId, _number));
        foreach (var id in _details.Keys.ToList())
        {
            _details[id] = await Settlements.DetailAsync(actor, id);
        }
    }

    private Task MonthChanged(string month) => Filter(() => _month = month);

    private Task PayeeChanged(string payeeId) => Filter(() => _payeeId = payeeId);

    private Task NumberChanged(string? number) => Filter(() => _number = number);

    private async Task Filter(Action change)
    {
        change();
        _details.Clear();
        await LoadAsync();
    }

    private async Task ToggleAsync(PostedSettlementRow row)
    {
        if (!_details.Remove(row.SettlementId))
        {
            try
            {
                _details[row.SettlementId] = await Settlements.DetailAsync(await CurrentUser.RequireAsync(), row.SettlementId);
            }
            catch (DomainException e)
            {
                Snackbar.Add(L.Describe(e), Severity.Error);
            }
        }
    }

    private async Task RefundAsync(PostedSettlementRow row)
    {
        var dialog = await Dialogs.ShowAsync<RefundDialog>(L["Finance.RefundTitle", row.TicketNumber],
            new DialogParameters<RefundDialog> { { d => d.Row, row } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
            await OnChanged.InvokeAsync();
        }
    }
}
