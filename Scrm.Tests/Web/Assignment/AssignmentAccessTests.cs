using Scrm.Domain.Common;
using Scrm.Web.Features.Assignment;
using Scrm.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Scrm.Tests.Web.Assignment;

/// <summary>
/// Every public AssignmentService method × every role, called as a forged circuit call would: only an admin gets past
/// the role check. Calls that get through fail harmlessly afterwards (a missing template or rule), so nothing changes.
/// </summary>
public sealed class AssignmentAccessTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private const long Missing = -1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, Func<AssignmentService, Actor, Task>> Calls = new()
    {
        ["Templates"] = (s, a) => s.TemplatesAsync(a, Ct),
        ["Rules"] = (s, a) => s.RulesAsync(a, Missing, Ct),
        ["Create"] = (s, a) => s.CreateAsync(a, Missing, new AssignmentRuleRequest { Name = "x" }, Ct),
        ["Update"] = (s, a) => s.UpdateAsync(a, Missing, 1, new AssignmentRuleRequest { Name = "x" }, Ct),
        ["Move"] = (s, a) => s.MoveAsync(a, Missing, 1, up: true, Ct),
        ["Delete"] = (s, a) => s.DeleteAsync(a, Missing, 1, Ct),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in Calls.Keys)
        {
            foreach (var user in new[] { "admin", "supervisor", "agent", "tech1", "finance", "sales", "customer" })
            {
                data.Add(call, user);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OnlyAdmins_GetPastTheRoleCheck(string call, string user)
    {
        await using var scope = await app.SignInAsync(user);
        var service = scope.ServiceProvider.GetRequiredService<AssignmentService>();

        var actor = await scope.ActorAsync();

        var error = await Record.ExceptionAsync(() => Calls[call](service, actor));

        if (user == "admin")
        {
            Assert.True(error is null or DomainException and not ForbiddenException, error?.ToString());
        }
        else
        {
            Assert.IsType<ForbiddenException>(error);
        }
    }

    [Fact]
    public void EveryPublicMethod_IsInTheTable()
    {
        var methods = typeof(AssignmentService).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name.Replace("Async", "", StringComparison.Ordinal)).Order();

        Assert.Equal(Calls.Keys.Order(), methods);
    }
}
