using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;

namespace Scrm.Tests.Builders;

/// <summary><see cref="Ticket.Create"/> with sensible defaults and a <see cref="FakeTimeProvider"/>.</summary>
public sealed class TicketBuilder
{
    /// <summary>10:00 in China on 2026-11-25.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public const string CreatorId = "creator-1";

    private TicketNumber _number = new(new DateOnly(2026, 11, 25), 1);
    private string? _title = "Printer jams on every page";
    private string? _description = "Paper tray 2.";
    private Urgency _urgency = Urgency.Normal;
    private long? _customerId;
    private long? _regionId;
    private string? _assigneeId;
    private readonly Dictionary<string, string?> _fields = new(StringComparer.Ordinal);

    public FakeTimeProvider Time { get; } = new(DefaultNow);

    public TicketTemplate Template { get; private set; } = new TemplateBuilder().Build();

    public TicketBuilder From(TicketTemplate template)
    {
        Template = template;
        return this;
    }

    public TicketBuilder Numbered(TicketNumber number)
    {
        _number = number;
        return this;
    }

    public TicketBuilder Titled(string? title)
    {
        _title = title;
        return this;
    }

    public TicketBuilder WithDescription(string? description)
    {
        _description = description;
        return this;
    }

    public TicketBuilder WithUrgency(Urgency urgency)
    {
        _urgency = urgency;
        return this;
    }

    public TicketBuilder ForCustomer(long? customerId, long? regionId = null)
    {
        (_customerId, _regionId) = (customerId, regionId);
        return this;
    }

    public TicketBuilder AssignedTo(string? assigneeId)
    {
        _assigneeId = assigneeId;
        return this;
    }

    /// <summary>A raw value as the form posts it.</summary>
    public TicketBuilder WithField(string key, string? raw)
    {
        _fields[key] = raw;
        return this;
    }

    /// <summary>The details the ticket is created with, for edits that change one thing.</summary>
    public TicketDetails Details => new(_title, _description, _urgency, _customerId, _regionId, _assigneeId);

    public Ticket Build() => Ticket.Create(_number, Template, Details, _fields, CreatorId, Time);
}
