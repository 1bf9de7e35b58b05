using Scrm.Data;
using Scrm.Data.Outbox;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// The outbox consumer of <see cref="Domain.Exports.ExportRequested"/>: claims keep two instances from taking the same
/// request, and the job's own state (only a queued job starts) keeps a redelivered request from running it twice.
/// </summary>
public sealed class ExportRunner(TicketExporter exporter) : IOutboxConsumer
{
    private sealed record Payload(Guid JobId);

    public Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct) => exporter.RunAsync(message.Read<Payload>().JobId, ct);
}
