using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Sla;

namespace Scrm.Benchmarks.Boards;

/// <summary>
/// Server time to read the demo repair board (维修工单) with 1,000 and with 5,000 generated open tickets, as the central
/// supervisor: <see cref="BoardService.GetAsync"/> through the app's services, against <see cref="NaiveBoard"/> (tracked
/// entities, SLA one ticket at a time), against the SLA part alone (<see cref="SlaReader.GoverningAsync"/>) and against the live
/// refresh of one changed card (<see cref="BoardService.CardsAsync"/>).
/// Setup checks that the naive read returns the same cards with the same SLA bands.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BoardBenchmarks
{
    private string _file = null!;
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;
    private IDbContextFactory<ScrmDbContext> _contexts = null!;
    private BoardService _boards = null!;
    private SlaReader _sla = null!;
    private Actor _supervisor = null!;
    private BoardKey _key = null!;
    private BoardView _board = null!;
    private long[] _changed = [];
    private long[] _cardIds = [];

    [Params(1_000, 5_000)]
    public int OpenTickets { get; set; }

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _file = await BoardDatabase.CopyAsync(await BoardDatabase.EnsureAsync(OpenTickets));
        // An hour after the data was made: SLA clocks have moved, nothing else has.
        _services = BoardDatabase.Services(_file, new FakeTimeProvider(BoardDatabase.Now.AddHours(1)));
        await _services.MigrateScrmDatabaseAsync();
        _contexts = _services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        _sla = _services.GetRequiredService<SlaReader>();
        _supervisor = await BoardDatabase.ActorAsync(_services, "supervisor");
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            _key = new BoardKey(await db.TicketTemplates.Where(t => t.Name == BoardTickets.TemplateName).Select(t => t.Id).SingleAsync());
        }

        _scope = _services.CreateAsyncScope();
        _boards = _scope.ServiceProvider.GetRequiredService<BoardService>();
        _board = await Board() ?? throw new InvalidOperationException("The repair board was not found.");
        _changed = [_board.Cards.Values.First(c => c.Status == Domain.Tickets.TicketStatus.InProgress).Id];
        _cardIds = [.. _board.Cards.Keys];
        var naive = await Naive();
        var placed = naive.Select(c => (c.Id, c.ColumnKey)).Order().ToList();
        var shownBands = naive.Where(c => _board.Cards.ContainsKey(c.Id)).Select(c => (c.Id, c.Sla?.Band)).Order().ToList();
        if (!placed.SequenceEqual(_board.Slots.Select(s => (s.Id, s.ColumnKey)).Order())
            || !shownBands.SequenceEqual(_board.Cards.Values.Select(c => (c.Id, c.Sla?.Band)).Order()))
        {
            throw new InvalidOperationException("The naive board read disagrees with BoardService.GetAsync.");
        }

        var columns = string.Join(", ", _board.Slots.GroupBy(c => c.ColumnKey).Select(g => $"{g.Key} {g.Count()}"));
        var bands = string.Join(", ", naive.GroupBy(c => c.Sla?.Band.ToString() ?? "none").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine($"// Board {_key.TemplateId} ({_board.Title}): {_board.Slots.Count} tickets ({columns}), {_board.Cards.Count} cards shown; SLA bands: {bands}.");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Naive: tracked tickets, SLA one ticket at a time")]
    public async Task<List<BoardCard>> Naive()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await NaiveBoard.LoadAsync(db, _sla, _key.TemplateId!.Value, BoardQuery.ClosedSinceAt(_services.GetRequiredService<TimeProvider>()));
    }

    [Benchmark(Description = "BoardService.GetAsync: the whole board")]
    public Task<BoardView?> Board() => _boards.GetAsync(_supervisor, _key, new BoardFilter());

    /// <summary>The SLA part of <see cref="Board"/> on its own: how much of the board read is the shown cards' clocks.</summary>
    [Benchmark(Description = "SlaReader.GoverningAsync: the SLA of the shown cards")]
    public async Task<int> SlaOfEveryCard()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return (await _sla.GoverningAsync(db, _cardIds, default)).Count;
    }

    [Benchmark(Description = "BoardService.CardsAsync: one changed card (live refresh)")]
    public async Task<int> OneCard() => (await _boards.CardsAsync(_supervisor, _board, new BoardFilter(), _changed)).Cards.Count;
}
