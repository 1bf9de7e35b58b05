using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>The designer page over the seeded installation workflow: the canvas renders, the side panel edits what is selected.</summary>
public sealed class WorkflowDesignerPageTests : ScrmComponentTest
{
    public WorkflowDesignerPageTests()
    {
        // The canvas measures itself through JS; bUnit's loose mode would hand it a null rectangle.
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 700));
    }

    protected override string UserName => "admin";

    [Fact]
    public async Task SidePanel_RenamesANodeAndSetsItsSla_InTheGraphThePageWouldSave()
    {
        var templateId = await InstallationTemplateIdAsync();
        var cut = Render<WorkflowDesignerPage>(p => p.Add(x => x.TemplateId, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".wf-node")));

        cut.Find(".diagram-node[data-node-id=accept]").PointerDown(new PointerEventArgs { Button = 0 });
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=node-properties]")));
        cut.Find("input[data-testid=node-name]").Change("受理登记");
        cut.Find("input[data-testid=node-sla]").Change("90");

        cut.WaitForAssertion(() => Assert.Contains("受理登记", cut.Find(".wf-node[data-node-id=accept] .wf-title").TextContent, StringComparison.Ordinal));
        var node = cut.Instance.CurrentGraph.Node("accept");
        Assert.Equal("受理登记", node.Name);
        Assert.Equal(90, node.SlaMinutes);
        Assert.Equal(NodeKind.Step, node.Kind);
        Assert.False(cut.Find("button[data-testid=undo]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Undo_PutsTheRenamedNodeBack()
    {
        var templateId = await InstallationTemplateIdAsync();
        var cut = Render<WorkflowDesignerPage>(p => p.Add(x => x.TemplateId, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".wf-node")));
        var before = cut.Instance.CurrentGraph.Node("visit").Name;

        cut.Find(".diagram-node[data-node-id=visit]").PointerDown(new PointerEventArgs { Button = 0 });
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("input[data-testid=node-name]")));
        cut.Find("input[data-testid=node-name]").Change("上门服务");
        Assert.Equal("上门服务", cut.Instance.CurrentGraph.Node("visit").Name);

        cut.Find("button[data-testid=undo]").Click();

        Assert.Equal(before, cut.Instance.CurrentGraph.Node("visit").Name);
    }

    [Fact]
    public async Task Designer_OpensAndSaves_ForATemplateWhoseNameUsesAllFiftyCharacters()
    {
        var templateId = await NewTemplateAsync(new string('安', 50));
        var cut = Render<WorkflowDesignerPage>(p => p.Add(x => x.TemplateId, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".wf-node")));
        Assert.Equal(0, await WorkflowCountAsync(templateId));

        cut.Find("button[data-testid=save-draft]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, WorkflowCountAsync(templateId).GetAwaiter().GetResult()));
        Assert.Equal(new string('安', 40) + "… workflow", cut.Find("input[data-testid=workflow-name]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    public void AnAddressThatNamesNoTemplate_ShowsNotFound(string templateId)
    {
        var cut = Render<WorkflowDesignerPage>(p => p.Add(x => x.TemplateId, templateId));

        cut.WaitForAssertion(() => Assert.Contains("This page does not exist.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=designer]"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void AnAddressThatNamesNoVersion_ShowsNotFound(string id)
    {
        var cut = Render<WorkflowDesignerPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("This page does not exist.", cut.Markup, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void MigratingFromAVersionThatDoesNotExist_ShowsNotFound(string fromId)
    {
        var cut = Render<WorkflowMigrationPage>(p => p.Add(x => x.FromId, fromId));

        cut.WaitForAssertion(() => Assert.Contains("The workflow version no longer exists.", cut.Markup, StringComparison.Ordinal));
    }

    private async Task<long> NewTemplateAsync(string name)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        var template = new Scrm.Domain.Templates.TicketTemplate(name, null);
        db.TicketTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    private async Task<int> WorkflowCountAsync(long templateId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        return await db.WorkflowDefinitions.CountAsync(w => w.TemplateId == templateId);
    }

    private async Task<long> InstallationTemplateIdAsync()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        return await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync(ct);
    }
}
