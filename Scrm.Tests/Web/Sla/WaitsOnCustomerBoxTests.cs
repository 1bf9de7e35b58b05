using Bunit;
using Scrm.Domain.Templates;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Components;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>The designer's "waits on the customer" box: on the nodes a ticket waits in, and it sets the node's flag.</summary>
public sealed class WaitsOnCustomerBoxTests : ScrmComponentTest
{
    private static readonly TicketTemplate Template = new("维修工单", "家电故障报修");

    [Theory]
    [InlineData(NodeKind.Step, true)]
    [InlineData(NodeKind.Approval, true)]
    [InlineData(NodeKind.Timer, true)]
    [InlineData(NodeKind.Branch, false)]
    [InlineData(NodeKind.Action, false)]
    public void TheBox_IsOfferedOnNodesATicketWaitsIn(NodeKind kind, bool offered)
    {
        var cut = Render<NodeProperties>(p => p.Add(x => x.Node, Node(kind)).Add(x => x.Template, Template));

        Assert.Equal(offered, cut.FindAll("[data-testid=node-waits-on-customer]").Count == 1);
    }

    [Fact]
    public void Ticking_TheBox_MarksTheNodeAsWaitingOnTheCustomer()
    {
        WorkflowNode? changed = null;
        var cut = Render<NodeProperties>(p => p.Add(x => x.Node, Node(NodeKind.Step)).Add(x => x.Template, Template)
            .Add(x => x.NodeChanged, n => changed = n));

        cut.Find("input[data-testid=node-waits-on-customer]").Change(true);

        Assert.True(changed?.WaitsOnCustomer);
        Assert.Equal("等待备件", changed!.Name);
    }

    private static WorkflowNode Node(NodeKind kind) => new() { Id = "wait", Kind = kind, Name = "等待备件" };
}
