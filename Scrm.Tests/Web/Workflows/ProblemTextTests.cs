using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Conditions;
using Scrm.Domain.Workflows;
using Scrm.Tests.Domain.Workflows;
using Scrm.Web;
using Scrm.Web.Features.Workflows.Components;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>Validation problems read in the user's language, down to what is wrong inside a guard.</summary>
public sealed class ProblemTextTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    [Fact]
    public void GuardOnADeletedField_IsDescribedInChinese_IncludingTheConditionsOwnProblem()
    {
        var graph = WorkflowFixtures.Repair();
        graph = graph with
        {
            Transitions = graph.Transitions.Select(t => t.Id == "urgent->visit"
                ? t with { Guard = ConditionGroup.All(Condition.OnField("deleted_field", ConditionOperator.Equals, "x")) }
                : t).ToList(),
        };
        var problem = WorkflowValidator.Validate(graph, WorkflowFixtures.Template()).Single(p => p.Code == "Guard");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var text = ProblemList.Describe(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>(), problem);

            Assert.Contains("是否紧急", text, StringComparison.Ordinal);
            Assert.Contains("条件判断的字段“deleted_field”已不在模板中", text, StringComparison.Ordinal);
            Assert.DoesNotContain("template does not have", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
