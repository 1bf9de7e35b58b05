using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class TemplatePersistenceTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Template_RoundTrips_WithFieldsOptionsAndRules()
    {
        var template = new TemplateBuilder().Named($"Round trip {database.Next()}").Requiring(TemplateBuilder.Contact).Build();
        template.AddField("fee", "Call-out fee", FieldType.Money, isRequired: true, helpText: "Before discount",
            min: 0.5m, max: 99999.99m);
        template.AddField("due", "Due", FieldType.Date, minDate: new DateOnly(2026, 1, 1), maxDate: new DateOnly(2026, 12, 31));
        template.AddRule(TemplateBuilder.Colors, ConditionOperator.Contains, "Blue", TemplateBuilder.Note);
        template.AddRule("fee", ConditionOperator.GreaterThan, "1,000", TemplateBuilder.Details);
        template.MoveField("due", -1);
        await using (var db = database.CreateContext())
        {
            db.TicketTemplates.Add(template);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var loaded = await fresh.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules)
            .SingleAsync(t => t.Id == template.Id, _ct);

        Assert.Equal(template.Name, loaded.Name);
        Assert.Equal("Every field type", loaded.Description);
        Assert.True(loaded.IsActive);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(template.Fields.Select(Describe), loaded.Fields.Select(Describe));
        Assert.Equal(["Repair", "Install", "Inspect"], loaded.FindField(TemplateBuilder.Service)!.Options);
        Assert.Equal(["Red", "Green", "Blue"], loaded.FindField(TemplateBuilder.Colors)!.Options);
        Assert.Empty(loaded.FindField(TemplateBuilder.Note)!.Options);
        var fee = loaded.FindField("fee")!;
        Assert.Equal((0.5m, 99999.99m, "Before discount", true), (fee.Min, fee.Max, fee.HelpText, fee.IsRequired));
        var due = loaded.FindField("due")!;
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (due.MinDate, due.MaxDate));
        Assert.Equal(["due", "fee"], loaded.Fields.TakeLast(2).Select(f => f.Key));
        Assert.Equal(
            new[]
            {
                (TemplateBuilder.Service, ConditionOperator.Equals, (string?)"Install", TemplateBuilder.VisitDate),
                (TemplateBuilder.Colors, ConditionOperator.Contains, "Blue", TemplateBuilder.Note),
                ("fee", ConditionOperator.GreaterThan, "1000.00", TemplateBuilder.Details),
            }.Order(),
            loaded.Rules.Select(r => (r.WhenFieldKey, r.Operator, r.Operand, r.RequiredFieldKey)).Order());
    }

    [Fact]
    public async Task Database_RefusesATemplateNameThatDiffersOnlyInCase_EvenWithoutTheAppsCheck()
    {
        var name = $"Aircon service {database.Next()}";
        await using (var first = database.CreateContext())
        {
            first.TicketTemplates.Add(new TicketTemplate(name, null));
            await first.SaveChangesAsync(_ct);
        }

        await using var second = database.CreateContext();
        second.TicketTemplates.Add(new TicketTemplate("  " + name.ToUpperInvariant(), null));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(_ct));

        Assert.True(Scrm.Data.Providers.DatabaseProvider.IsUniqueViolation(refused));
    }

    [Fact]
    public async Task LoadedTemplate_AppliesItsRules()
    {
        var template = await database.SaveTemplateAsync();

        await using var fresh = database.CreateContext();
        var loaded = await fresh.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules)
            .SingleAsync(t => t.Id == template.Id, _ct);

        var ex = Assert.Throws<FieldValidationException>(() =>
            loaded.ValidateValues(new Dictionary<string, string?> { [TemplateBuilder.Service] = "Install" }));
        Assert.Equal(TemplateBuilder.VisitDate, Assert.Single(ex.Errors).FieldKey);
    }

    [Fact]
    public async Task RulesStoredBeforeConditions_StillApply_InTodaysTerms()
    {
        // Rows as the 7-operator rule editor wrote them: a checkbox "equals true" and a date "greater than".
        var template = await database.SaveTemplateAsync(new TemplateBuilder().WithoutRule());
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO FieldRule (TemplateId, WhenFieldKey, Operator, Operand, RequiredFieldKey)
                VALUES ({template.Id}, {TemplateBuilder.Warranty}, 'Equals', 'true', {TemplateBuilder.Order}),
                       ({template.Id}, {TemplateBuilder.VisitDate}, 'GreaterThan', '2026-12-01', {TemplateBuilder.Note})
                """, _ct);
        }

        await using var fresh = database.CreateContext();
        var loaded = await fresh.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).SingleAsync(t => t.Id == template.Id, _ct);

        Assert.Empty(loaded.RequiredKeys(new Dictionary<string, string> { [TemplateBuilder.VisitDate] = "2026-12-01" }));
        Assert.Equal(
            new HashSet<string> { TemplateBuilder.Order, TemplateBuilder.Note },
            loaded.RequiredKeys(new Dictionary<string, string> { [TemplateBuilder.Warranty] = "true", [TemplateBuilder.VisitDate] = "2026-12-02" }));
        var checkbox = loaded.Rules.Single(r => r.WhenFieldKey == TemplateBuilder.Warranty);
        Assert.Equal(Condition.OnField(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty), checkbox.ToCondition(FieldType.Checkbox));
        var duplicate = Assert.Throws<Scrm.Domain.Common.DomainException>(() =>
            loaded.AddRule(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty, null, TemplateBuilder.Order));
        Assert.Equal("RuleDuplicate", duplicate.Code);
    }

    [Fact]
    public async Task LoadedTemplate_StatesBoundsAsEntered_InRangeErrors()
    {
        var template = await database.SaveTemplateAsync();

        await using var fresh = database.CreateContext();
        var loaded = await fresh.TicketTemplates.Include(t => t.Fields).SingleAsync(t => t.Id == template.Id, _ct);

        var (_, error) = FieldValues.Normalize(loaded.FindField(TemplateBuilder.Quantity)!, "1001");
        Assert.Equal("Quantity must be between 0 and 1000.", error!.Message);
    }

    [Fact]
    public async Task RemovedOption_IsGoneAfterReload()
    {
        var template = await database.SaveTemplateAsync(new TemplateBuilder().WithoutRule());
        await using (var db = database.CreateContext())
        {
            var loaded = await db.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).SingleAsync(t => t.Id == template.Id, _ct);
            loaded.UpdateField(TemplateBuilder.Service, "Service", false, options: ["Repair", "Inspect", "Recycle"]);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var reloaded = await fresh.TicketTemplates.Include(t => t.Fields).SingleAsync(t => t.Id == template.Id, _ct);
        Assert.Equal(["Repair", "Inspect", "Recycle"], reloaded.FindField(TemplateBuilder.Service)!.Options);
        // Only a field changed, yet the template's token moved: a change to any part is a change to the whole.
        Assert.Equal(2, reloaded.Version);
    }

    // Bounds compare as numbers: the database may hand 0 back as 0.0 (SQLite) or 0.0000 (SQL Server).
    private static string Describe(FieldDefinition f) =>
        $"{f.Key}|{f.Label}|{f.Type}|{f.IsRequired}|{f.HelpText}|{string.Join(",", f.Options)}|{Bound(f.Min)}|{Bound(f.Max)}|{f.MinDate}|{f.MaxDate}|{f.SortOrder}";

    private static string? Bound(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);
}
