using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Sla;

/// <summary>The business calendar and waiting statuses as the admin edits them; <see cref="Version"/> 0 = never saved.</summary>
public sealed record SlaCalendarForm(
    long Version,
    IReadOnlyDictionary<DayOfWeek, WorkingHours> Week,
    IReadOnlyList<HolidayRange> Holidays,
    IReadOnlyList<MakeUpWorkday> MakeUpDays,
    IReadOnlyCollection<TicketStatus> WaitingStatuses);

/// <summary>One policy as listed and edited; <see cref="Id"/> 0 = new.</summary>
public sealed record SlaPolicyForm(
    long Id,
    long Version,
    long TemplateId,
    Urgency Urgency,
    int FirstResponseMinutes,
    int ResolutionMinutes,
    IReadOnlyList<EscalationLevelInput> Levels);

/// <summary>A policy row of the list, with its template's name.</summary>
public sealed record SlaPolicyRow(SlaPolicyForm Policy, string TemplateName);

/// <summary>Someone an escalation level may name: active staff who can see tickets.</summary>
public sealed record SlaPerson(string Id, string DisplayName);

/// <summary>Everything /admin/sla shows.</summary>
public sealed record SlaAdminView(
    SlaCalendarForm Calendar,
    IReadOnlyList<SlaPolicyRow> Policies,
    IReadOnlyList<(long Id, string Name)> Templates,
    IReadOnlyList<SlaPerson> People);
