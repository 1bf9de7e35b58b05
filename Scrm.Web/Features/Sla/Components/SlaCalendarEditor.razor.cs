using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Sla.Components;

/// <summary>
/// 工作日历: the week's working hours, holidays, make-up working days and the statuses that wait on the customer, saved
/// together against the version the admin opened. A refusal shows on the section it is about; nothing is saved.
/// </summary>
public partial class SlaCalendarEditor
{
    private SlaCalendarEdit _edit = default!;
    private string? _error;
    private string? _errorSection;
    private bool _busy;

    [Inject] private SlaAdminService Sla { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The calendar as saved when the tab opened; later saves by others are not merged in under the admin's hands.</summary>
    [Parameter, EditorRequired] public SlaCalendarForm Calendar { get; set; } = default!;

    /// <summary>Raised after a save, so the page reads the new version.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }

    protected override void OnInitialized() => _edit = SlaCalendarEdit.From(Calendar);

    private string? ErrorFor(string section) => _errorSection == section ? _error : null;

    private void Toggle(TicketStatus status, bool on)
    {
        if (on)
        {
            _edit.WaitingStatuses.Add(status);
        }
        else
        {
            _edit.WaitingStatuses.Remove(status);
        }
    }

    private async Task SaveAsync()
    {
        (_error, _errorSection) = (null, null);
        if (_edit.ToForm(L) is not { } form)
        {
            return;
        }

        _busy = true;
        try
        {
            await Sla.SaveCalendarAsync(await CurrentUser.RequireAsync(), form);
            Snackbar.Add(L["Sla.CalendarSaved"], Severity.Success);
            await OnSaved.InvokeAsync();
        }
        catch (ConcurrencyConflictException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Warning);
        }
        catch (DomainException ex)
        {
            (_error, _errorSection) = (L.Describe(ex), SectionOf(ex));
            if (_errorSection is null)
            {
                Snackbar.Add(_error, Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    // Working hours are refused for a weekday (named by its DayOfWeek) or for a make-up day (named by its name).
    private static string? SectionOf(DomainException ex) => ex.Field switch
    {
        "Hours" => ex.Args is [string day, ..] && Enum.TryParse<DayOfWeek>(day, out _) ? "Week" : "MakeUpDays",
        "Holidays" or "MakeUpDays" or "WaitingStatuses" => ex.Field,
        _ => null,
    };

    /// <summary>Holidays and make-up days in date order, in words: "2026-10-01 至 10-07 国庆节 放假 7 天".</summary>
    private List<(DateOnly Date, string Text, bool IsHoliday)> Preview()
    {
        var holidays = _edit.Holidays
            .Where(h => h.Days is not null && !string.IsNullOrWhiteSpace(h.Name))
            .Select(h => (SlaCalendarEdit.Date(h.From)!.Value, SlaCalendarEdit.Date(h.To)!.Value, h.Name!.Trim(), h.Days!.Value))
            .Select(h => (h.Item1, (string)L["Sla.PreviewHoliday", Day(h.Item1), ShortDay(h.Item1, h.Item2), h.Item3, h.Item4], true));
        var makeUps = _edit.MakeUpDays
            .Where(m => SlaCalendarEdit.Date(m.Date) is not null && !string.IsNullOrWhiteSpace(m.Name))
            .Select(m => (SlaCalendarEdit.Date(m.Date)!.Value, m.Name!.Trim(), m.Start, m.End))
            .Select(m => (m.Item1, (string)L["Sla.PreviewMakeUp", Day(m.Item1), L[$"Field.{m.Item1.DayOfWeek}"], m.Item2, $"{m.Start}–{m.End}"], false));
        return holidays.Concat(makeUps).OrderBy(x => x.Item1).ToList();
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The end of a range in the same year needs no year again: "2026-10-01 至 10-07".
    private static string ShortDay(DateOnly from, DateOnly to) =>
        to.ToString(to.Year == from.Year ? "MM-dd" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
