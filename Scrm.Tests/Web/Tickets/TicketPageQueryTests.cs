using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// What opening a ticket costs the database: three statements (ticket, field values, visits) once the template and the
/// workflow version are cached, for every role. Each test starts an app of its own, so its caches start empty.
/// </summary>
public sealed class TicketPageQueryTests : IAsyncLifetime
{
    private CountedApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await CountedApp.StartAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task GetAsync_FillsTheCachesOnFirstOpen_ThenCostsFourStatements()
    {
        var id = await SeededTicketWithWorkflowAsync();
        await using var scope = await _app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var actor = await scope.ActorAsync();

        var (first, firstCommands) = await CountAsync(() => tickets.GetAsync(actor, id, Ct));
        var (second, secondCommands) = await CountAsync(() => tickets.GetAsync(actor, id, Ct));

        // First: the ticket (3), its SLA facts (1), its template with fields and rules (3), its workflow version (1),
        // the SLA rules: calendar and policies (2). Then the ticket and its SLA facts; the rest is cached.
        Assert.True(firstCommands.Count == 10, Describe(firstCommands));
        Assert.True(secondCommands.Count == 4, Describe(secondCommands));
        Assert.NotNull(second!.Workflow);
        Assert.Equal(first!.Workflow!.Path.Count, second.Workflow.Path.Count);
        Assert.Equal(first.Template.Fields.Count, second.Template.Fields.Count);
    }

    [Fact]
    public async Task GetAsync_CostsFourStatementsForTheTechnician_AndThreeForTheCustomer()
    {
        var id = await CreateTicketForTechnicianAndCustomerAsync();
        await using var agent = await _app.SignInAsync("agent");
        await agent.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await agent.ActorAsync(), id, Ct);
        await using var technician = await _app.SignInAsync("tech1");
        await using var customer = await _app.SignInAsync("customer");
        await using var otherTechnician = await _app.SignInAsync("tech2");

        var (workView, workCommands) = await CountAsync(() => OpenAsync(technician, id));
        var (readView, readCommands) = await CountAsync(() => OpenAsync(customer, id));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => OpenAsync(otherTechnician, id));

        // The technician's page shows the SLA countdown (one statement more); the customer's does not.
        Assert.True(workCommands.Count == 4, Describe(workCommands));
        Assert.True(readCommands.Count == 3, Describe(readCommands));
        Assert.Equal((TicketAccess.Work, "赵强", "受理"), (workView!.Access, workView.AssigneeName, workView.Workflow!.CurrentNodeName));
        Assert.Equal((TicketAccess.Read, "赵强"), (readView!.Access, readView.AssigneeName));
        Assert.Empty(readView.Workflow!.Buttons);
        Assert.NotNull(refused);
    }

    [Fact]
    public async Task GetAsync_ShowsTheNewFieldLabel_AfterTheTemplateIsEdited()
    {
        var id = await SeededTicketWithWorkflowAsync();
        await using var agent = await _app.SignInAsync("agent");
        var tickets = agent.ServiceProvider.GetRequiredService<TicketService>();
        var before = (await tickets.GetAsync(await agent.ActorAsync(), id, Ct))!;
        var field = before.Template.Fields[0];

        await using var admin = await _app.SignInAsync("admin");
        var templates = admin.ServiceProvider.GetRequiredService<TemplateService>();
        var edit = FieldForm.From(field);
        edit.Label = "改过的标签";
        await templates.UpdateFieldAsync(await admin.ActorAsync(), before.TemplateId, before.Template.Version, field.Key, edit, Ct);
        var actor = await agent.ActorAsync();
        var (after, afterCommands) = await CountAsync(() => tickets.GetAsync(actor, id, Ct));

        Assert.NotEqual("改过的标签", field.Label);
        Assert.Equal("改过的标签", after!.Template.FindField(field.Key)!.Label);
        // The ticket (3), its SLA facts (1) and the template read again (3); the workflow version stays cached.
        Assert.True(afterCommands.Count == 7, Describe(afterCommands));
    }

    private static async Task<TicketView?> OpenAsync(AsyncServiceScope scope, long id) =>
        await scope.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await scope.ActorAsync(), id, Ct);

    private async Task<(T Result, IReadOnlyList<string> Commands)> CountAsync<T>(Func<Task<T>> call)
    {
        _app.Counter.Reset();
        var result = await call();
        return (result, _app.Counter.Commands);
    }

    private static string Describe(IReadOnlyList<string> commands) =>
        $"{commands.Count} statements:\n" + string.Join("\n---\n", commands);

    private async Task<long> SeededTicketWithWorkflowAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.Where(t => t.WorkflowId != null && t.Fields.Any() && t.Visits.Count() > 2).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }

    /// <summary>A new installation ticket for the demo customer user's company, assigned to tech1.</summary>
    private async Task<long> CreateTicketForTechnicianAndCustomerAsync()
    {
        await using var scope = await _app.SignInAsync("agent");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var customerId = await db.UserProfiles.Where(u => u.UserName == "customer").Select(u => u.CustomerId!.Value).SingleAsync(Ct);
        var form = await DemoTicketForms.InstallAsync(scope);
        form.CustomerId = customerId;
        form.RegionId = await db.Customers.Where(c => c.Id == customerId).Select(c => c.RegionId).SingleAsync(Ct);
        form.AssigneeId = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Ct);
        var (id, _) = await scope.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await scope.ActorAsync(), form, Ct);
        return id;
    }
}
