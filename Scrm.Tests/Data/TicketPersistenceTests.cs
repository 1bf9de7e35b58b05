using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class TicketPersistenceTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ticket_RoundTrips_WithAValueForEveryFieldType()
    {
        var template = await database.SaveTemplateAsync();
        var assigneeId = await database.SaveUserAsync("Zhang San");
        var (customerId, regionId) = await SaveCustomerAsync();
        var builder = new TicketBuilder()
            .From(template)
            .Numbered(database.NextNumber())
            .WithUrgency(Urgency.Urgent)
            .ForCustomer(customerId, regionId)
            .AssignedTo(assigneeId)
            .WithField(TemplateBuilder.Note, "Paper jam in tray 2")
            .WithField(TemplateBuilder.Details, "Line one\nLine two, 第二行")
            .WithField(TemplateBuilder.Quantity, "12.5")
            .WithField(TemplateBuilder.Amount, "¥1,234.5")
            .WithField(TemplateBuilder.VisitDate, "2026-12-01")
            .WithField(TemplateBuilder.Service, "Install")
            .WithField(TemplateBuilder.Colors, "Blue,Red")
            .WithField(TemplateBuilder.Warranty, "true")
            .WithField(TemplateBuilder.Contact, "0571-88886666")
            .WithField(TemplateBuilder.Customer, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithField(TemplateBuilder.Order, "SO-2026-0042");
        builder.Time.Advance(TimeSpan.FromTicks(1_234_567)); // sub-second precision must survive
        var ticket = builder.Build();
        await using (var db = database.CreateContext())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var loaded = await fresh.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);

        Assert.Equal(ticket.Number, loaded.Number);
        Assert.Equal("Printer jams on every page", loaded.Title);
        Assert.Equal("Paper tray 2.", loaded.Description);
        Assert.Equal(Urgency.Urgent, loaded.Urgency);
        Assert.Equal(TicketStatus.Assigned, loaded.Status);
        Assert.Equal(template.Id, loaded.TemplateId);
        Assert.Equal(customerId, loaded.CustomerId);
        Assert.Equal(regionId, loaded.RegionId);
        Assert.Equal(assigneeId, loaded.AssigneeId);
        Assert.Equal(TicketBuilder.CreatorId, loaded.CreatedById);
        Assert.Equal(1, loaded.Version);
        var created = TicketBuilder.DefaultNow.UtcDateTime.AddTicks(1_234_567);
        Assert.Equal(created, loaded.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
        Assert.Equal(created, loaded.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, loaded.UpdatedAt.Kind);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [TemplateBuilder.Note] = "Paper jam in tray 2",
                [TemplateBuilder.Details] = "Line one\nLine two, 第二行",
                [TemplateBuilder.Quantity] = "12.5",
                [TemplateBuilder.Amount] = "1234.50",
                [TemplateBuilder.VisitDate] = "2026-12-01",
                [TemplateBuilder.Service] = "Install",
                [TemplateBuilder.Colors] = """["Red","Blue"]""",
                [TemplateBuilder.Warranty] = "true",
                [TemplateBuilder.Contact] = "0571-88886666",
                [TemplateBuilder.Customer] = customerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [TemplateBuilder.Order] = "SO-2026-0042",
            },
            loaded.FieldValueMap);
    }

    [Fact]
    public async Task Edit_ReplacesAddsAndRemovesFieldRows()
    {
        var template = await database.SaveTemplateAsync();
        var builder = new TicketBuilder().From(template).Numbered(database.NextNumber())
            .WithField(TemplateBuilder.Note, "first")
            .WithField(TemplateBuilder.Amount, "12");
        var ticket = builder.Build();
        await using (var db = database.CreateContext())
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(_ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
            loaded.Edit(template, builder.Details, Raw((TemplateBuilder.Note, "second"), (TemplateBuilder.Quantity, "3")), builder.Time);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var reloaded = await fresh.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticket.Id, _ct);
        Assert.Equal(
            new Dictionary<string, string> { [TemplateBuilder.Note] = "second", [TemplateBuilder.Quantity] = "3" },
            reloaded.FieldValueMap);
        Assert.Equal(2, reloaded.Version);
    }

    [Fact]
    public async Task Urgency_SortsMostUrgentFirst_InSql()
    {
        var template = await database.SaveTemplateAsync();
        var marker = $"Sort {database.Next()}";
        await using (var db = database.CreateContext())
        {
            foreach (var urgency in new[] { Urgency.Low, Urgency.Urgent, Urgency.Normal, Urgency.High })
            {
                db.Tickets.Add(new TicketBuilder().From(template).Numbered(database.NextNumber())
                    .Titled($"{marker} {urgency}").WithUrgency(urgency).Build());
            }

            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var query = fresh.Tickets.Where(t => t.Title.StartsWith(marker)).OrderBy(t => t.Urgency).Select(t => t.Urgency);

        Assert.Contains("ORDER BY \"t\".\"Urgency\"", query.ToQueryString(), StringComparison.Ordinal);
        Assert.Equal([Urgency.Urgent, Urgency.High, Urgency.Normal, Urgency.Low], await query.ToListAsync(_ct));
        Assert.Equal(2, await fresh.Tickets.CountAsync(t => t.Title.StartsWith(marker) && t.Urgency <= Urgency.High, _ct));
    }

    [Fact]
    public async Task Number_IsUnique()
    {
        var template = await database.SaveTemplateAsync();
        var number = database.NextNumber();
        await using (var db = database.CreateContext())
        {
            db.Tickets.Add(new TicketBuilder().From(template).Numbered(number).Build());
            await db.SaveChangesAsync(_ct);
        }

        await using var second = database.CreateContext();
        second.Tickets.Add(new TicketBuilder().From(template).Numbered(number).Build());

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(_ct));
    }

    private async Task<(long CustomerId, long RegionId)> SaveCustomerAsync()
    {
        await using var db = database.CreateContext();
        var province = Region.Province($"Zhejiang {database.Next()}");
        db.Regions.Add(province);
        await db.SaveChangesAsync(_ct);
        var city = Region.City(province, "Hangzhou", await db.PriceTiers.SingleAsync(t => t.Code == "A", _ct), new DateOnly(2020, 1, 1));
        db.Regions.Add(city);
        await db.SaveChangesAsync(_ct);
        var customer = new Customer("Hangzhou Print Co.", "0571-88886666", "1 West Lake Rd", city.Id, CustomerLevel.Vip);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(_ct);
        return (customer.Id, city.Id);
    }

    private static Dictionary<string, string?> Raw(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
