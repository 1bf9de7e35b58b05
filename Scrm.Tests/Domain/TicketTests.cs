using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class TicketTests
{
    [Fact]
    public void Create_StartsNew_AndRecordsTicketCreated()
    {
        var builder = new TicketBuilder()
            .WithField(TemplateBuilder.Amount, "1,234.5")
            .WithField(TemplateBuilder.Colors, "Blue,Red");

        var ticket = builder.Build();

        Assert.Equal("GD20261125-0001", ticket.Number);
        Assert.Equal("Printer jams on every page", ticket.Title);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(new TicketCreated(ticket), Assert.Single(ticket.DomainEvents));
        Assert.Equal(TicketBuilder.CreatorId, ticket.CreatedById);
        Assert.Equal(new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc), ticket.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, ticket.CreatedAt.Kind);
        Assert.Equal(ticket.CreatedAt, ticket.UpdatedAt);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [TemplateBuilder.Amount] = "1234.50",
                [TemplateBuilder.Colors] = """["Red","Blue"]""",
            },
            ticket.FieldValueMap);
    }

    [Fact]
    public void Create_TrimsTitle()
    {
        Assert.Equal("Noisy fan", new TicketBuilder().Titled("  Noisy fan  ").Build().Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void Create_Throws_WhenTitleEmpty(string? title)
    {
        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().Titled(title).Build());

        Assert.Equal("Required", ex.Code);
        Assert.Equal("Title", ex.Field);
        Assert.Equal("Title is required.", ex.Message);
    }

    [Fact]
    public void Create_Throws_WhenTitleLongerThanMaximum()
    {
        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().Titled(new string('修', 101)).Build());

        Assert.Equal("TooLong", ex.Code);
        Assert.Equal("Title", ex.Field);
        Assert.Equal("Title must be at most 100 characters.", ex.Message);
        Assert.Equal(["Title", 100], ex.Args);
    }

    [Fact]
    public void Create_Accepts_TitleOfExactlyMaximumLength()
    {
        Assert.Equal(100, new TicketBuilder().Titled(new string('修', 100)).Build().Title.Length);
    }

    [Fact]
    public void Create_Throws_WhenDescriptionTooLong()
    {
        var details = new TicketBuilder().Details with { Description = new string('x', 4001) };
        var template = new TemplateBuilder().Build();

        var ex = Assert.Throws<DomainException>(() =>
            Ticket.Create(TicketNumber.First(new DateOnly(2026, 11, 25)), template, details, new Dictionary<string, string?>(), "u", TimeProvider.System));

        Assert.Equal(("TooLong", "Description"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Create_Throws_WhenUrgencyUndefined()
    {
        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().WithUrgency((Urgency)9).Build());

        Assert.Equal(("UrgencyInvalid", "Urgency"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Create_IsAssigned_WhenAssigneeGiven()
    {
        var ticket = new TicketBuilder().AssignedTo("tech-1").Build();

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal("tech-1", ticket.AssigneeId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_IsNew_WhenAssigneeBlank(string assignee)
    {
        var ticket = new TicketBuilder().AssignedTo(assignee).Build();

        Assert.Null(ticket.AssigneeId);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    [Fact]
    public void Create_Throws_WhenTemplateInactive()
    {
        var template = new TemplateBuilder().Build();
        template.Update(template.Name, template.Description, isActive: false);

        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().From(template).Build());

        Assert.Equal("TemplateInactive", ex.Code);
    }

    [Fact]
    public void Create_Throws_WhenFieldValuesBreakTemplate()
    {
        var ex = Assert.Throws<FieldValidationException>(() =>
            new TicketBuilder().WithField(TemplateBuilder.Service, "Install").WithField(TemplateBuilder.Contact, "call me").Build());

        Assert.Equal(
            new[] { (TemplateBuilder.VisitDate, "Required"), (TemplateBuilder.Contact, "NotAPhone") }.Order(),
            ex.Errors.Select(e => (e.FieldKey, e.Code)).Order());
    }

    public static TheoryData<TicketStatus, TicketStatus> AllowedMoves => new()
    {
        { TicketStatus.New, TicketStatus.InProgress },
        { TicketStatus.New, TicketStatus.Cancelled },
        { TicketStatus.Assigned, TicketStatus.New },
        { TicketStatus.Assigned, TicketStatus.InProgress },
        { TicketStatus.Assigned, TicketStatus.Cancelled },
        { TicketStatus.InProgress, TicketStatus.OnHold },
        { TicketStatus.InProgress, TicketStatus.Resolved },
        { TicketStatus.InProgress, TicketStatus.Cancelled },
        { TicketStatus.OnHold, TicketStatus.InProgress },
        { TicketStatus.OnHold, TicketStatus.Cancelled },
        { TicketStatus.Resolved, TicketStatus.Closed },
        { TicketStatus.Resolved, TicketStatus.InProgress }, // reopened
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void ChangeStatus_Moves_WhenTransitionAllowed(TicketStatus from, TicketStatus to)
    {
        var builder = new TicketBuilder();
        var ticket = TicketIn(from, builder);
        builder.Time.Advance(TimeSpan.FromMinutes(5));

        ticket.ChangeStatus(to, builder.Time);

        Assert.Equal(to, ticket.Status);
        Assert.Equal(new TicketStatusChanged(ticket, from, to), ticket.DomainEvents[^1]);
        Assert.Equal(builder.Time.GetUtcNow().UtcDateTime, ticket.UpdatedAt);
    }

    public static TheoryData<TicketStatus, TicketStatus> RefusedMoves => new()
    {
        { TicketStatus.New, TicketStatus.Resolved },
        { TicketStatus.New, TicketStatus.Closed },
        { TicketStatus.New, TicketStatus.OnHold },
        { TicketStatus.New, TicketStatus.New },
        { TicketStatus.InProgress, TicketStatus.Closed },
        { TicketStatus.OnHold, TicketStatus.Resolved },
        { TicketStatus.Resolved, TicketStatus.New },
        { TicketStatus.Closed, TicketStatus.InProgress },
        { TicketStatus.Closed, TicketStatus.Cancelled },
        { TicketStatus.Cancelled, TicketStatus.New },
        { TicketStatus.Cancelled, TicketStatus.InProgress },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void ChangeStatus_Throws_WhenTransitionNotAllowed(TicketStatus from, TicketStatus to)
    {
        var builder = new TicketBuilder();
        var ticket = TicketIn(from, builder);
        var (events, updatedAt) = (ticket.DomainEvents.Count, ticket.UpdatedAt);
        builder.Time.Advance(TimeSpan.FromMinutes(5));

        var ex = Assert.Throws<DomainException>(() => ticket.ChangeStatus(to, builder.Time));

        Assert.Equal("StatusTransitionInvalid", ex.Code);
        Assert.Equal(from, ticket.Status);
        Assert.Equal(events, ticket.DomainEvents.Count);
        Assert.Equal(updatedAt, ticket.UpdatedAt);
    }

    [Fact]
    public void ChangeStatus_Throws_WhenDispatchingWithoutAssignee()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Build();

        var ex = Assert.Throws<DomainException>(() => ticket.ChangeStatus(TicketStatus.Assigned, builder.Time));

        Assert.Equal(("AssigneeRequired", "AssigneeId"), (ex.Code, ex.Field));
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    [Fact]
    public void Edit_ChangesDetailsAndFields_AndRecordsWhatChanged()
    {
        var builder = new TicketBuilder().WithField(TemplateBuilder.Note, "first").WithField(TemplateBuilder.Quantity, "2");
        var ticket = builder.Build();
        builder.Time.Advance(TimeSpan.FromHours(1));

        ticket.Edit(builder.Template, builder.Details with { Title = "Printer fixed?", Urgency = Urgency.Urgent },
            Raw((TemplateBuilder.Note, "second"), (TemplateBuilder.Amount, "88")), builder.Time);

        Assert.Equal("Printer fixed?", ticket.Title);
        Assert.Equal(Urgency.Urgent, ticket.Urgency);
        var edited = Assert.IsType<TicketEdited>(ticket.DomainEvents[^1]);
        Assert.Equal(["Fields.amount", "Fields.note", "Fields.quantity", "Title", "Urgency"], edited.Changed);
        Assert.Equal(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), ticket.UpdatedAt);
        Assert.Equal(TicketBuilder.DefaultNow.UtcDateTime, ticket.CreatedAt);
        Assert.Equal(
            new Dictionary<string, string> { [TemplateBuilder.Note] = "second", [TemplateBuilder.Amount] = "88.00" },
            ticket.FieldValueMap);
    }

    [Fact]
    public void Edit_KeepsValuesOfFieldsTheTemplateNoLongerHas()
    {
        var builder = new TicketBuilder().WithField(TemplateBuilder.Note, "recorded").WithField(TemplateBuilder.Quantity, "2");
        var ticket = builder.Build();
        builder.Template.RemoveField(TemplateBuilder.Note);

        ticket.Edit(builder.Template, builder.Details, Raw((TemplateBuilder.Quantity, "3")), builder.Time);

        Assert.Equal(
            new Dictionary<string, string> { [TemplateBuilder.Note] = "recorded", [TemplateBuilder.Quantity] = "3" },
            ticket.FieldValueMap);
    }

    [Fact]
    public void Edit_AssignsTicket_WhenAssigneeChosen()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Build();

        ticket.Edit(builder.Template, builder.Details with { AssigneeId = "tech-1" }, Raw(), builder.Time);

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
    }

    [Fact]
    public void Edit_ReturnsTicketToNew_WhenAssigneeRemoved()
    {
        var builder = new TicketBuilder().AssignedTo("tech-1");
        var ticket = builder.Build();

        ticket.Edit(builder.Template, builder.Details with { AssigneeId = null }, Raw(), builder.Time);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.AssigneeId);
    }

    [Fact]
    public void AssignedAt_IsWhenTheCurrentAssigneeGotTheTicket()
    {
        var builder = new TicketBuilder().AssignedTo("tech-1");
        var ticket = builder.Build();
        var created = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(created, ticket.AssignedAt);

        builder.Time.Advance(TimeSpan.FromHours(1));
        ticket.Edit(builder.Template, builder.Details with { Title = "Still jams" }, Raw(), builder.Time);
        Assert.Equal(created, ticket.AssignedAt);

        ticket.Edit(builder.Template, builder.Details with { Title = "Still jams", AssigneeId = "tech-2" }, Raw(), builder.Time);
        Assert.Equal(created.AddHours(1), ticket.AssignedAt);

        ticket.Edit(builder.Template, builder.Details with { Title = "Still jams", AssigneeId = null }, Raw(), builder.Time);
        Assert.Null(ticket.AssignedAt);

        builder.Time.Advance(TimeSpan.FromHours(1));
        ticket.AssignByRule("tech-3", "轮流", builder.Time);
        Assert.Equal(created.AddHours(2), ticket.AssignedAt);
    }

    [Theory]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Cancelled)]
    public void Edit_Throws_WhenTicketNoLongerOpen(TicketStatus status)
    {
        var builder = new TicketBuilder();
        var ticket = TicketIn(status, builder);
        var events = ticket.DomainEvents.Count;

        var ex = Assert.Throws<DomainException>(() =>
            ticket.Edit(builder.Template, builder.Details with { Title = "Changed" }, Raw(), builder.Time));

        Assert.Equal("TicketClosed", ex.Code);
        Assert.Equal("Printer jams on every page", ticket.Title);
        Assert.Equal(events, ticket.DomainEvents.Count);
    }

    [Fact]
    public void Edit_LeavesTicketUnchanged_WhenFieldsInvalid()
    {
        var builder = new TicketBuilder().WithField(TemplateBuilder.Note, "keep me");
        var ticket = builder.Build();

        Assert.Throws<FieldValidationException>(() =>
            ticket.Edit(builder.Template, builder.Details with { Title = "Changed" }, Raw((TemplateBuilder.Quantity, "many")), builder.Time));

        Assert.Equal("Printer jams on every page", ticket.Title);
        Assert.Equal("keep me", ticket.FieldValueMap[TemplateBuilder.Note]);
        Assert.DoesNotContain(ticket.DomainEvents, e => e is TicketEdited);
    }

    [Fact]
    public void Edit_Throws_WhenTitleEmpty()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Build();

        var ex = Assert.Throws<DomainException>(() => ticket.Edit(builder.Template, builder.Details with { Title = " " }, Raw(), builder.Time));

        Assert.Equal(("Required", "Title"), (ex.Code, ex.Field));
    }

    /// <summary>Walks a new ticket along allowed transitions to <paramref name="status"/>.</summary>
    private static Ticket TicketIn(TicketStatus status, TicketBuilder builder)
    {
        var ticket = builder.AssignedTo(status == TicketStatus.Assigned ? "tech-1" : null).Build();
        TicketStatus[] path = status switch
        {
            TicketStatus.New or TicketStatus.Assigned => [],
            TicketStatus.InProgress => [TicketStatus.InProgress],
            TicketStatus.OnHold => [TicketStatus.InProgress, TicketStatus.OnHold],
            TicketStatus.Resolved => [TicketStatus.InProgress, TicketStatus.Resolved],
            TicketStatus.Closed => [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
            TicketStatus.Cancelled => [TicketStatus.Cancelled],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var next in path)
        {
            ticket.ChangeStatus(next, builder.Time);
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    private static Dictionary<string, string?> Raw(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
