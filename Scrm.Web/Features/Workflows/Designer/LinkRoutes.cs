using Blazor.Diagrams.Core.Geometry;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>A node's box on the canvas.</summary>
public readonly record struct NodeBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterY => Y + (Height / 2);

    /// <summary>Whether the segment from <paramref name="a"/> to <paramref name="b"/> passes through the box (touching its edge does not count).</summary>
    public bool Crosses(Point a, Point b)
    {
        const double edge = 0.5;
        double dx = b.X - a.X, dy = b.Y - a.Y, enter = 0, leave = 1;
        foreach (var (p, q) in new[] { (-dx, a.X - (X + edge)), (dx, Right - edge - a.X), (-dy, a.Y - (Y + edge)), (dy, Bottom - edge - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            var r = q / p;
            if (p < 0)
            {
                enter = Math.Max(enter, r);
            }
            else
            {
                leave = Math.Min(leave, r);
            }
        }

        return enter < leave;
    }
}

/// <summary>A link between two nodes, by id.</summary>
public sealed record LinkEnds(string Id, string From, string To);

/// <summary>The bends of a link between its ports, and where along it its label sits (null: halfway).</summary>
public sealed record LinkRoute(IReadOnlyList<Point> Vertices, double? LabelDistance);

/// <summary>
/// Routes links around nodes. A link leaves its port a little apart from its siblings (so each can be clicked) and goes
/// straight when nothing is in the way, which after auto-layout is every link between neighbouring columns. Any other
/// link runs in a lane outside the graph: above it when it goes forward, below it when it loops back; shorter links take
/// the inner lanes, and the label sits on the lane.
/// </summary>
public static class LinkRoutes
{
    private const double Stub = 16;
    private const double StubStep = 8;
    private const double Spread = 12;
    private const double LaneMargin = 32;
    private const double LaneGap = 24;

    public static Dictionary<string, LinkRoute> Plan(IReadOnlyDictionary<string, NodeBox> boxes, IReadOnlyList<LinkEnds> links)
    {
        var drawn = links.Where(l => boxes.ContainsKey(l.From) && boxes.ContainsKey(l.To) && l.From != l.To).ToList();
        var leaving = Spreads(drawn, l => l.From, l => boxes[l.To].CenterY);
        var arriving = Spreads(drawn, l => l.To, l => boxes[l.From].CenterY);
        var routes = new Dictionary<string, LinkRoute>();
        var laned = new List<(LinkEnds Link, Point Start, Point End)>();
        foreach (var link in drawn)
        {
            var (from, to) = (boxes[link.From], boxes[link.To]);
            var (outIndex, outDy) = leaving[link.Id];
            var (inIndex, inDy) = arriving[link.Id];
            var start = new Point(from.Right + Stub + (outIndex * StubStep), from.CenterY + outDy);
            var end = new Point(to.X - Stub - (inIndex * StubStep), to.CenterY + inDy);
            if (end.X > start.X && !boxes.Values.Any(b => b.Crosses(start, end)))
            {
                routes[link.Id] = new LinkRoute([start, end], null);
            }
            else
            {
                laned.Add((link, start, end));
            }
        }

        var top = boxes.Values.Min(b => b.Y);
        var bottom = boxes.Values.Max(b => b.Bottom);
        foreach (var lane in laned.GroupBy(l => l.End.X <= l.Start.X))
        {
            var below = lane.Key;
            var k = 0;
            foreach (var (link, start, end) in lane.OrderBy(l => Math.Abs(l.End.X - l.Start.X)).ThenBy(l => l.Link.Id, StringComparer.Ordinal))
            {
                var y = below ? bottom + LaneMargin + (k * LaneGap) : top - LaneMargin - (k * LaneGap);
                k++;
                var from = boxes[link.From];
                var toLane = Math.Sqrt(Math.Pow(start.X - from.Right, 2) + Math.Pow(start.Y - from.CenterY, 2)) + Math.Abs(y - start.Y);
                routes[link.Id] = new LinkRoute([start, new Point(start.X, y), new Point(end.X, y), end], toLane + (Math.Abs(end.X - start.X) / 2));
            }
        }

        return routes;
    }

    // Each link's place among the links at the same port: its index, and a vertical offset spreading them in the order of
    // their other ends, so they fan out without crossing.
    private static Dictionary<string, (int Index, double Dy)> Spreads(List<LinkEnds> links, Func<LinkEnds, string> port, Func<LinkEnds, double> otherEndY)
    {
        var spreads = new Dictionary<string, (int, double)>();
        foreach (var group in links.GroupBy(port))
        {
            var ordered = group.OrderBy(otherEndY).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var dy = Math.Clamp((i - ((ordered.Count - 1) / 2.0)) * Spread, -24, 24);
                spreads[ordered[i].Id] = (i, dy);
            }
        }

        return spreads;
    }
}
