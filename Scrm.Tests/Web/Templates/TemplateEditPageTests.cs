using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Scrm.Tests.Data;
using Scrm.Web.Features.Templates;
using Xunit;

namespace Scrm.Tests.Web.Templates;

/// <summary>The edit page over the real <see cref="TemplateService"/> and a real SQLite database, signed in as an admin.</summary>
public sealed class TemplateEditPageTests(SqliteDatabase database)
    : MudTestContext(context => SignedInAdmin.Register(context, database)), IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private readonly CancellationToken _ct = Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => SignedInAdmin.AddToAsync(database);

    private IRenderedComponent<ContainerFragment> RenderPage(long id)
    {
        var cut = RenderWithProviders(builder =>
        {
            builder.OpenComponent<TemplateEditPage>(0);
            builder.AddAttribute(1, nameof(TemplateEditPage.Id), id);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=fields-section]");
        return cut;
    }

    private static List<string> FieldOrder(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=field-table] td[data-field]").Select(e => e.GetAttribute("data-field")!).ToList();

    private async Task<TicketTemplate> StoredAsync(long id)
    {
        await using var db = database.CreateContext();
        return await db.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).SingleAsync(t => t.Id == id, _ct);
    }

    [Fact]
    public async Task Rules_AreListedInWords()
    {
        var template = await database.SaveTemplateAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

        var cut = RenderPage(template.Id);

        Assert.Equal("当 Service 等于 Install 时，Visit date 必填", cut.Find("[data-testid=rule-list] [data-rule]").TextContent.Trim());
    }

    [Fact]
    public async Task DeletingAFieldARuleUses_IsRefusedWithASnackbar_AndKeepsTheField()
    {
        var template = await database.SaveTemplateAsync();
        var cut = RenderPage(template.Id);

        cut.Find($"tr:has(td[data-field={TemplateBuilder.Service}]) [data-action=delete]").Click();
        Assert.Contains("“Service”", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == L["Templates.Delete"]).Click();

        cut.WaitForAssertion(() => Assert.Contains(L["Error.FieldUsedByRule", "Service"].Value, cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Contains(TemplateBuilder.Service, FieldOrder(cut));
        Assert.NotNull((await StoredAsync(template.Id)).FindField(TemplateBuilder.Service));
    }

    [Fact]
    public async Task AddField_IsDisabledWithAHint_WhenTheTemplateIsFull()
    {
        var full = new TicketTemplate($"Full {database.Next()}", null);
        for (var i = 0; i < TicketTemplate.MaxFields; i++)
        {
            full.AddField($"f{i}", $"Field {i}", FieldType.Text);
        }

        await using (var db = database.CreateContext())
        {
            db.TicketTemplates.Add(full);
            await db.SaveChangesAsync(_ct);
        }

        var cut = RenderPage(full.Id);

        Assert.True(cut.Find("[data-testid=add-field]").HasAttribute("disabled"));
        Assert.Equal(L["Templates.FieldsFull", TicketTemplate.MaxFields].Value, cut.Find("[data-testid=fields-full]").TextContent.Trim());
    }

    [Fact]
    public async Task Moves_UseTheVersionEachSaveReturned()
    {
        var template = await database.SaveTemplateAsync(new TemplateBuilder().WithoutRule());
        var cut = RenderPage(template.Id);

        cut.Find($"tr:has(td[data-field={TemplateBuilder.Note}]) [data-action=down]").Click();
        cut.WaitForAssertion(() => Assert.Equal(TemplateBuilder.Note, FieldOrder(cut)[1]));
        cut.Find($"tr:has(td[data-field={TemplateBuilder.Note}]) [data-action=down]").Click();

        cut.WaitForAssertion(() => Assert.Equal(TemplateBuilder.Note, FieldOrder(cut)[2]));
        Assert.Empty(cut.FindAll("[data-testid=concurrency-conflict]"));
        Assert.Equal(TemplateBuilder.Note, (await StoredAsync(template.Id)).Fields[2].Key);
    }

    [Fact]
    public async Task AChangeMadeElsewhere_ShowsTheConflict_AndReloadLetsTheAdminContinue()
    {
        var template = await database.SaveTemplateAsync(new TemplateBuilder().WithoutRule());
        var cut = RenderPage(template.Id);
        await using (var db = database.CreateContext())
        {
            var theirs = await db.TicketTemplates.SingleAsync(t => t.Id == template.Id, _ct);
            theirs.Update(theirs.Name, "Changed by another admin", isActive: true);
            await db.SaveChangesAsync(_ct);
        }

        cut.Find($"tr:has(td[data-field={TemplateBuilder.Note}]) [data-action=down]").Click();

        cut.WaitForElement("[data-testid=concurrency-conflict]");
        Assert.Equal(TemplateBuilder.Note, (await StoredAsync(template.Id)).Fields[0].Key);

        cut.Find("[data-testid=reload-template]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=concurrency-conflict]")));
        Assert.Equal("Changed by another admin", cut.Find("input[data-testid=template-description]").GetAttribute("value"));
        cut.Find($"tr:has(td[data-field={TemplateBuilder.Note}]) [data-action=down]").Click();

        cut.WaitForAssertion(() => Assert.Equal(TemplateBuilder.Note, FieldOrder(cut)[1]));
    }
    [Fact]
    public async Task ADuplicateName_IsRefusedBesideTheNameInput_WhateverItsCase()
    {
        var other = await database.SaveTemplateAsync();
        var template = await database.SaveTemplateAsync();
        var cut = RenderPage(template.Id);

        cut.Find("input[data-testid=template-name]").Input(other.Name.ToUpperInvariant());
        cut.Find("[data-testid=save-template]").Click();

        cut.WaitForAssertion(() => Assert.Equal($"A template named {other.Name.ToUpperInvariant()} already exists.", HelperText(cut, "template-name")));
        Assert.Equal(template.Name, (await StoredAsync(template.Id)).Name);
    }

    [Fact]
    public async Task ALongNameOrDescription_IsRefusedBesideItsInput()
    {
        var template = await database.SaveTemplateAsync();
        var cut = RenderPage(template.Id);

        cut.Find("input[data-testid=template-name]").Input(new string('名', 51));
        cut.Find("[data-testid=save-template]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Name must be at most 50 characters.", HelperText(cut, "template-name")));

        cut.Find("input[data-testid=template-name]").Input("Fine");
        cut.Find("input[data-testid=template-description]").Input(new string('d', 501));
        cut.Find("[data-testid=save-template]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Description must be at most 500 characters.", HelperText(cut, "template-description")));
        Assert.Equal(template.Name, (await StoredAsync(template.Id)).Name);
    }

    private static string HelperText(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text .me-auto")?.TextContent.Trim() ?? "";
}
