using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Tests.Builders;
using Scrm.Tests.Data;
using Scrm.Web.Features.Templates;
using Xunit;

namespace Scrm.Tests.Web.Templates;

/// <summary>The template list over the real service; each test has its own empty database.</summary>
public sealed class TemplatesPageTests : MudTestContext, IAsyncLifetime
{
    private readonly SqliteDatabase _database;
    private readonly CancellationToken _ct = Xunit.TestContext.Current.CancellationToken;

    public TemplatesPageTests() : this(new SqliteDatabase()) { }

    private TemplatesPageTests(SqliteDatabase database) : base(context => SignedInAdmin.Register(context, database)) => _database = database;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await SignedInAdmin.AddToAsync(_database);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<ContainerFragment> RenderList() => RenderWithProviders(builder =>
    {
        builder.OpenComponent<TemplatesPage>(0);
        builder.CloseComponent();
    });

    [Fact]
    public async Task NewTemplate_FromTheEmptyList_IsCreatedAndOpened()
    {
        var cut = RenderList();
        cut.WaitForElement("[data-testid=empty-state]");

        cut.Find("[data-testid=new-template]").Click();
        cut.Find("input[data-testid=template-name]").Input("Installation");
        cut.Find("[data-testid=create-template]").Click();

        await using var db = _database.CreateContext();
        var created = await db.TicketTemplates.SingleAsync(_ct);
        Assert.Equal("Installation", created.Name);
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"admin/templates/{created.Id}", navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ShowsEachTemplatesCounts_AndARowOpensIt()
    {
        var template = await _database.SaveTemplateAsync();
        await using (var db = _database.CreateContext())
        {
            db.Tickets.Add(new TicketBuilder().From(template).Numbered(_database.NextNumber()).Build());
            await db.SaveChangesAsync(_ct);
        }

        var cut = RenderList();
        cut.WaitForElement("[data-testid=template-table]");

        var cells = cut.FindAll("[data-testid=template-table] tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([template.Name, "Every field type", L["Templates.Active"].Value, "12", "1", "1"], cells);

        cut.Find("[data-testid=template-table] tbody tr").Click();

        Assert.EndsWith($"admin/templates/{template.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
    [Fact]
    public async Task NewTemplate_WithATakenNameInAnyCase_OrALongDescription_IsRefusedBesideTheInput()
    {
        var taken = await _database.SaveTemplateAsync();
        var cut = RenderList();
        cut.WaitForElement("[data-testid=template-table]");
        cut.Find("[data-testid=new-template]").Click();

        cut.Find("input[data-testid=template-name]").Input(taken.Name.ToLowerInvariant());
        cut.Find("[data-testid=create-template]").Click();
        cut.WaitForAssertion(() => Assert.Equal($"A template named {taken.Name.ToLowerInvariant()} already exists.", HelperText(cut, "input[data-testid=template-name]")));

        cut.Find("input[data-testid=template-name]").Input("Repairs");
        cut.Find("textarea[data-testid=template-description]").Change(new string('d', 501));
        cut.Find("[data-testid=create-template]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Description must be at most 500 characters.", HelperText(cut, "textarea[data-testid=template-description]")));

        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.TicketTemplates.CountAsync(_ct));
    }

    private static string HelperText(IRenderedComponent<ContainerFragment> cut, string input) =>
        cut.Find(input).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text .me-auto")?.TextContent.Trim() ?? "";
}
