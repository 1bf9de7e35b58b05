using System.Text.Json;
using System.Text.Json.Serialization;
using Scrm.Domain.Workflows;
using Xunit;

namespace Scrm.Tests.Domain.Assignment;

/// <summary>The AutoAssign flag lives in the stored graph JSON; graphs saved before it existed read as "no".</summary>
public sealed class ActorRuleAutoAssignTests
{
    // As the workflow graph column is stored (WorkflowDefinitionConfiguration.GraphJson).
    private static readonly JsonSerializerOptions GraphJson = new() { Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [Fact]
    public void OldJson_WithoutTheFlag_ReadsFalse()
    {
        var rule = JsonSerializer.Deserialize<ActorRule>("""{"Kind":"Role","Role":"Agent"}""", GraphJson)!;

        Assert.Equal(new ActorRule(ActorRuleKind.Role, Scrm.Domain.Users.Role.Agent, AutoAssign: false), rule);
    }

    [Fact]
    public void TheFlag_SurvivesARoundTrip()
    {
        var json = JsonSerializer.Serialize(new ActorRule(ActorRuleKind.Assignee, AutoAssign: true), GraphJson);

        Assert.Equal("""{"Kind":"Assignee","AutoAssign":true}""", json);
        Assert.True(JsonSerializer.Deserialize<ActorRule>(json, GraphJson)!.AutoAssign);
    }
}
