using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Finance;

/// <summary>对账核对 for the month in the URL (last month by default); anything that is not a month gets a message.</summary>
public partial class ReconciliationPage
{
    private ReconciliationReport? _report;
    private IReadOnlyList<DateOnly> _months = [];
    private DateOnly? _month;

    [Inject] private ReconciliationService Reconciliation { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private bool _linkTickets;

    [SupplyParameterFromQuery(Name = "month")] private string? Month { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _months = FinanceMonths.Recent(Time);
        _month = string.IsNullOrEmpty(Month) ? FinanceMonths.LastMonth(Time) : FinanceMonths.Parse(Month);
        var actor = await CurrentUser.RequireAsync();
        _linkTickets = Tickets.TicketAccessRules.OpensTicketsFromLists(actor);
        _report = _month is { } month ? await Reconciliation.MonthAsync(actor, month) : null;
    }

    private void GoToMonth(DateOnly month) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("month", LedgerMonth.Format(month)));
}
