using BenchmarkDotNet.Attributes;
using Scrm.Data.Changes;

namespace Scrm.Benchmarks.Pipeline;

/// <summary>
/// One committed change published to 1,000 subscribers (open circuits), each doing the cheap filter a page does; and to
/// 1,000 open boards, each doing the board's filter (BoardPage.Live: its template, or one of the 50–200 tickets it shows).
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class FanOutBenchmarks
{
    private const int Subscribers = 1_000;
    private readonly InProcessChangeFeed _feed = new();
    private readonly InProcessChangeFeed _boards = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IReadOnlyList<Change> _message = [new Change(ChangeKinds.Ticket, 4_242, 7, ["Status"], "agent-1", "张敏") { TemplateId = 2, RegionId = 11 }];
    private int _matched;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Subscribers; i++)
        {
            // Half watch one ticket (a ticket page), half a template and region (a list): what subscribers filter on.
            var ticketId = i;
            var regionId = i % 20;
            _subscriptions.Add(i % 2 == 0
                ? _feed.Subscribe(changes => Matched(changes.Any(c => c.Kind == ChangeKinds.Ticket && c.Id == ticketId)))
                : _feed.Subscribe(changes => Matched(changes.Any(c => c.TemplateId == 2 && c.RegionId == regionId))));
        }

        var random = new Random(1000);
        for (var i = 0; i < Subscribers; i++)
        {
            // A third of the boards show the changed ticket's template; each holds the ids of the cards it shows.
            long templateId = 1 + (i % 3);
            var shown = Enumerable.Range(0, random.Next(50, 201)).Select(_ => (long)random.Next(1, 10_000)).ToHashSet();
            _subscriptions.Add(_boards.Subscribe(changes =>
                Matched(changes.Any(c => c.Kind == ChangeKinds.Ticket && (c.TemplateId == templateId || shown.Contains(c.Id))))));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _subscriptions.ForEach(s => s.Dispose());

    [Benchmark(Description = "Publish one change to 1,000 subscribers")]
    public int Publish()
    {
        _feed.Publish(_message);
        return _matched;
    }

    [Benchmark(Description = "Publish one change to 1,000 open boards")]
    public int PublishToBoards()
    {
        _boards.Publish(_message);
        return _matched;
    }

    private void Matched(bool hit)
    {
        if (hit)
        {
            Interlocked.Increment(ref _matched);
        }
    }
}
