using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// The ticket commands work outside a Blazor circuit: a minimal-API endpoint passes an actor built from the request's
/// user (channel Api), a background job passes <see cref="Actor.System"/> (channel Job), and the audit names each.
/// </summary>
public sealed class ActorDoorsTests : IAsyncLifetime
{
    private const string UserHeader = "X-Test-User";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WebApplication _app = default!;
    private SqliteConnection _keepAlive = default!;
    private readonly List<Actor> _apiActors = [];

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _keepAlive = builder.Services.AddScrmForTests();
        _app = builder.Build();
        await TestApp.SeedAsync(_app.Services);

        // Stands in for cookie or token authentication: the request arrives with its user already known.
        _app.Use(async (context, next) =>
        {
            if (context.Request.Headers[UserHeader] is [{ } userName])
            {
                context.User = await TestApp.PrincipalAsync(_app.Services, userName);
            }

            await next(context);
        });
        _app.MapPost("/api/tickets", async (TicketForm form, HttpContext context, TicketService tickets) =>
        {
            var (id, number) = await tickets.CreateAsync(ApiActor(context), form, context.RequestAborted);
            return Results.Ok(new CreatedTicket(id, number));
        });
        _app.MapPost("/api/tickets/{id:long}/comments", async (long id, NewComment comment, HttpContext context, TicketService tickets) =>
        {
            await tickets.AddCommentAsync(ApiActor(context), id, comment.Text, context.RequestAborted);
            return Results.NoContent();
        });
        await _app.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }

    [Fact]
    public async Task MinimalApiEndpoint_CreatesAndComments_AsTheRequestsUser()
    {
        using var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(UserHeader, "agent");
        await using var scope = _app.Services.CreateAsyncScope();

        var created = await client.PostAsJsonAsync("/api/tickets", await Tickets.DemoTicketForms.RepairAsync(scope), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<CreatedTicket>(Ct))!;
        var commented = await client.PostAsJsonAsync($"/api/tickets/{ticket.Id}/comments", new NewComment("客户来电催单"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, commented.StatusCode);

        var agent = await TestApp.ActorAsync(_app.Services, "agent", ActorChannel.Api);
        Assert.Equal([agent, agent], _apiActors);
        await using var db = await Db(scope);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.TicketId == ticket.Id).ToListAsync(Ct));
        Assert.Equal((agent.UserId, agent.DisplayName, ticket.Number), (audit.ActorId, audit.ActorName, audit.After));
        var comment = Assert.Single(await db.TicketComments.Where(c => c.TicketId == ticket.Id).ToListAsync(Ct));
        Assert.Equal((agent.UserId, "客户来电催单"), (comment.AuthorId, comment.Text));
    }

    [Fact]
    public async Task MinimalApiEndpoint_RefusesARoleTheCommandDoesNotAllow()
    {
        using var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(UserHeader, "finance");
        await using var scope = _app.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<ForbiddenException>(() => client.PostAsJsonAsync("/api/tickets", new TicketForm(), Ct));
    }

    [Fact]
    public async Task BackgroundJob_FiresADueTimer_AsTheSystemThroughTheJobChannel()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await TestApp.ActorAsync(_app.Services, "agent");
        var id = await ComplaintAtObjectionWindowAsync(scope, tickets, agent);
        ((FakeTimeProvider)_app.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(24));

        // What a job's IHostedService does with each due ticket: no circuit, no HTTP request, an explicit system actor.
        var fired = await Task.Run(() => tickets.FireTimerAsync(Actor.System(ActorChannel.Job), id, Ct), Ct);

        Assert.True(fired);
        await using var db = await Db(scope);
        var byJob = await db.AuditEntries.Where(a => a.TicketId == id && a.ActorId == Actor.SystemId).ToListAsync(Ct);
        Assert.Contains(byJob, a => (a.Field, a.After) == ("Status", "Closed"));
        Assert.All(byJob, a => Assert.Equal("System", a.ActorName));
    }

    private Actor ApiActor(HttpContext context)
    {
        var actor = CurrentUser.FromPrincipal(context.User, ActorChannel.Api) ?? throw new ForbiddenException();
        lock (_apiActors)
        {
            _apiActors.Add(actor);
        }

        return actor;
    }

    private static async Task<ScrmDbContext> Db(AsyncServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>A complaint ticket waiting at its 24-hour objection window (a Timer node), as in WorkflowTimerServiceTests.</summary>
    private static async Task<long> ComplaintAtObjectionWindowAsync(AsyncServiceScope scope, TicketService tickets, Actor agent)
    {
        await using var db = await Db(scope);
        var template = await db.TicketTemplates.SingleAsync(t => t.Name == "投诉工单", Ct);
        var (id, _) = await tickets.CreateAsync(agent, new TicketForm
        {
            TemplateId = template.Id,
            Title = "安装师傅迟到两小时",
            Fields = new(StringComparer.Ordinal)
            {
                ["complaint_type"] = "上门超时",
                ["contact_phone"] = "13800138000",
                ["handling_result"] = "已致歉并赠送保养券",
            },
        }, Ct);
        foreach (var press in new[] { "triage->handle", "handle->refund", "followup->objection" })
        {
            await tickets.TransitionAsync(agent, id, (await tickets.GetAsync(agent, id, Ct))!.Version, press, Ct);
        }

        return id;
    }

    private sealed record CreatedTicket(long Id, string Number);

    private sealed record NewComment(string Text);
}
