using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Catalog.Import;

/// <summary>
/// Imports a catalog from an .xlsx: every row is checked first, and a file with any problem changes nothing. A clean
/// file adds new codes and updates existing ones in one save (one transaction), so a failure halfway leaves nothing behind.
/// </summary>
public sealed class CatalogImportService(UnitOfWork work)
{
    /// <summary>Checks and, when the whole file is clean, imports it. Never throws for a bad file: problems come back in the outcome.</summary>
    public async Task<ImportOutcome> ImportAsync(Actor actor, CatalogKind kind, string fileName, Stream content, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        IReadOnlyList<CatalogImportRow> rows;
        try
        {
            if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("ImportNotXlsx", "This is not an Excel .xlsx workbook (perhaps another file renamed .xlsx). Save it from Excel or WPS as .xlsx and try again.");
            }

            var sheet = XlsxSheetReader.Read(await SeekableAsync(content, ct));
            var (parsed, problems) = new CatalogRowParser(kind).Parse(sheet);
            if (problems.Count > 0)
            {
                return ImportOutcome.Refused(problems);
            }

            rows = parsed;
        }
        catch (DomainException e)
        {
            return ImportOutcome.Refused(e);
        }

        try
        {
            // Recorded as an import in the audit, by the admin who ran it.
            var importer = actor with { Channel = ActorChannel.Import };
            return await work.RunAsync(importer, (db, token) => kind == CatalogKind.Services ? ApplyServicesAsync(db, rows, token) : ApplyPartsAsync(db, rows, token), ct);
        }
        catch (DomainException e) when (e is not ForbiddenException)
        {
            return ImportOutcome.Refused(e);
        }
    }

    private static async Task<ImportOutcome> ApplyServicesAsync(ScrmDbContext db, IReadOnlyList<CatalogImportRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.ServiceItems.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var (added, updated) = (0, 0);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var item))
            {
                // Both run: the details and the status may change together.
                var changed = item.Update(row.Name, row.Category, row.Unit) | (row.Active is { } active && item.SetActive(active));
                updated += changed ? 1 : 0;
            }
            else
            {
                var created = new ServiceItem(row.Code, row.Name, row.Category, row.Unit);
                created.SetActive(row.Active ?? true);
                db.ServiceItems.Add(created);
                added++;
            }
        }

        await SaveAsync(db, ct);
        return new ImportOutcome(added, updated, rows.Count - added - updated, []);
    }

    private static async Task<ImportOutcome> ApplyPartsAsync(ScrmDbContext db, IReadOnlyList<CatalogImportRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.SpareParts.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var (added, updated) = (0, 0);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var part))
            {
                // An empty threshold cell keeps the part's threshold; stock is never imported, only counted (with a reason).
                var changed = part.Update(row.Name, row.Unit, row.LowStockThreshold ?? part.LowStockThreshold) | (row.Active is { } active && part.SetActive(active));
                updated += changed ? 1 : 0;
            }
            else
            {
                var created = new SparePart(row.Code, row.Name, row.Unit, row.LowStockThreshold ?? 0);
                created.SetActive(row.Active ?? true);
                db.SpareParts.Add(created);
                added++;
            }
        }

        await SaveAsync(db, ct);
        return new ImportOutcome(added, updated, rows.Count - added - updated, []);
    }

    /// <summary>One save: the rows and their audit commit together or not at all.</summary>
    private static Task SaveAsync(ScrmDbContext db, CancellationToken ct) =>
        db.SaveChangesOrConflictAsync(ct, () => new DomainException("ImportCodeTakenMeanwhile",
            "Someone added an item with one of these codes while the file was being imported. Nothing was imported; import the file again."));

    /// <summary>The upload's stream only reads forward; the reader needs to seek (the zip directory is at the end).</summary>
    private static async Task<Stream> SeekableAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            return content.Length <= XlsxSheetReader.MaxFileBytes ? content : throw TooLarge();
        }

        var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        if (copy.Length > XlsxSheetReader.MaxFileBytes)
        {
            throw TooLarge();
        }

        copy.Position = 0;
        return copy;
    }

    public static DomainException TooLarge() =>
        new("ImportFileTooLarge", "The file is larger than 5 MB. Import at most 5,000 rows at a time.");
}
