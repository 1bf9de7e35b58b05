using Blazor.Diagrams.Core.Geometry;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>A node's box on the canvas.</summary>
public readonly record struct NodeBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterX => X + (Width / 2);

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
/// Routes links around nodes, top down: a link leaves the bottom of its node a little apart from its siblings (so each
/// can be clicked) and goes straight when nothing is in the way, which after auto-layout is every link between
/// neighbouring rows. Any other link runs in a lane beside the graph: left of it when it goes forward, right of it when it
/// loops back; shorter links take the inner lanes, and the label sits where the link turns towards its lane, in the gap
/// under its node.
/// </summary>
public static class LinkRoutes
{
    private const double Stub = 16;
    private const double StubStep = 8;
    private const double Spread = 28;
    private const double MaxSpread = 60;
    private const double LaneMargin = 32;
    private const double LaneGap = 24;

    public static Dictionary<string, LinkRoute> Plan(IReadOnlyDictionary<string, NodeBox> boxes, IReadOnlyList<LinkEnds> links)
    {
        var drawn = links.Where(l => boxes.ContainsKey(l.From) && boxes.ContainsKey(l.To) && l.From != l.To).ToList();
        var leaving = Spreads(drawn, l => l.From, l => boxes[l.To].CenterX);
        var arriving = Spreads(drawn, l => l.To, l => boxes[l.From].CenterX);
        var routes = new Dictionary<string, LinkRoute>();
        var laned = new List<(LinkEnds Link, Point Start, Point End)>();
        foreach (var link in drawn)
        {
            var (from, to) = (boxes[link.From], boxes[link.To]);
            var (outIndex, outDx) = leaving[link.Id];
            var (inIndex, inDx) = arriving[link.Id];
            var start = new Point(from.CenterX + outDx, from.Bottom + Stub + (outIndex * StubStep));
            var end = new Point(to.CenterX + inDx, to.Y - Stub - (inIndex * StubStep));
            if (end.Y > start.Y && !boxes.Values.Any(b => b.Crosses(start, end)))
            {
                routes[link.Id] = new LinkRoute([start, end], null);
            }
            else
            {
                laned.Add((link, start, end));
            }
        }

        var left = boxes.Values.Min(b => b.X);
        var right = boxes.Values.Max(b => b.Right);
        foreach (var lane in laned.GroupBy(l => l.End.Y <= l.Start.Y))
        {
            var back = lane.Key;
            var k = 0;
            foreach (var (link, start, end) in lane.OrderBy(l => Math.Abs(l.End.Y - l.Start.Y)).ThenBy(l => l.Link.Id, StringComparer.Ordinal))
            {
                var x = back ? right + LaneMargin + (k * LaneGap) : left - LaneMargin - (k * LaneGap);
                k++;
                var from = boxes[link.From];
                var toStart = Math.Sqrt(Math.Pow(start.X - from.CenterX, 2) + Math.Pow(start.Y - from.Bottom, 2));
                routes[link.Id] = new LinkRoute([start, new Point(x, start.Y), new Point(x, end.Y), end], toStart + (Math.Abs(x - start.X) / 2));
            }
        }

        return routes;
    }

    // Each link's place among the links at the same port: its index, and a sideways offset spreading them in the order of
    // their other ends, so they fan out without crossing.
    private static Dictionary<string, (int Index, double Dx)> Spreads(List<LinkEnds> links, Func<LinkEnds, string> port, Func<LinkEnds, double> otherEndX)
    {
        var spreads = new Dictionary<string, (int, double)>();
        foreach (var group in links.GroupBy(port))
        {
            var ordered = group.OrderBy(otherEndX).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var dx = Math.Clamp((i - ((ordered.Count - 1) / 2.0)) * Spread, -MaxSpread, MaxSpread);
                spreads[ordered[i].Id] = (i, dx);
            }
        }

        return spreads;
    }
}
