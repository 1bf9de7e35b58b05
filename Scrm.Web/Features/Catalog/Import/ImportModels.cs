using Scrm.Domain.Common;

namespace Scrm.Web.Features.Catalog.Import;

/// <summary>Which catalog a file fills.</summary>
public enum CatalogKind
{
    Services,
    Parts,
}

/// <summary>
/// One thing to fix before a file can be imported. <paramref name="Row"/> is the sheet's row number as Excel shows it
/// (the header is row 1), null for the file as a whole; <paramref name="Column"/> is the header as the file names it.
/// </summary>
public sealed record ImportProblem(int? Row, string? Column, string? ColumnLetter, string? Value, DomainException Fix);

/// <summary>What an import did: nothing at all when there are problems; otherwise how many items were added and updated.</summary>
public sealed record ImportOutcome(int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportOutcome Refused(IReadOnlyList<ImportProblem> problems) => new(0, 0, 0, problems);

    public static ImportOutcome Refused(DomainException fix) => Refused([new ImportProblem(null, null, null, null, fix)]);
}

/// <summary>A column of an import file: the field it fills, its Chinese header and an example for the template.</summary>
public sealed record ImportColumn(string Field, string Header, bool Required, string Example, bool IsNumber = false);
