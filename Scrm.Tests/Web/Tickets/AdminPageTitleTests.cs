using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Workflows;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The admin pages' titles are h1 too, so focus lands on them after navigation.</summary>
public sealed class AdminPageTitleTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public AdminPageTitleTests() =>
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 700));

    protected override string UserName => "admin";

    [Fact]
    public void Templates_TitleIsTheH1() => AssertH1(Render<TemplatesPage>(), "Ticket templates");

    [Fact]
    public void Workflows_TitleIsTheH1() => AssertH1(Render<WorkflowsPage>(), "Workflows");

    [Fact]
    public async Task TemplateEdit_TitleIsTheTemplatesName()
    {
        var id = await InstallTemplateIdAsync();

        AssertH1(Render<TemplateEditPage>(p => p.Add(x => x.Id, id)), "安装工单");
    }

    [Fact]
    public async Task WorkflowDesigner_HasAnH1()
    {
        var id = await InstallTemplateIdAsync();

        AssertH1(Render<WorkflowDesignerPage>(p => p.Add(x => x.TemplateId, id)), "Workflow designer");
    }

    [Fact]
    public async Task WorkflowMigration_TitleIsTheH1()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var v1 = await db.WorkflowDefinitions.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);

        AssertH1(Render<WorkflowMigrationPage>(p => p.Add(x => x.FromId, v1)), "Migrate tickets to another version");
    }

    private static void AssertH1<TPage>(IRenderedComponent<TPage> cut, string title) where TPage : IComponent =>
        cut.WaitForAssertion(() => Assert.Equal(title, Assert.Single(cut.FindAll("h1")).TextContent.Trim()));

    private async Task<long> InstallTemplateIdAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync(Ct);
    }
}
