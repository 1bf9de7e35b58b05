using Microsoft.Data.Sqlite;
using Scrm.Data.Providers;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// Where export files live: a folder of the app's data (beside the SQLite database, or App_Data under the content root),
/// or <c>Exports:Folder</c> when set — never under wwwroot, so a file is only ever served by the owner-checked download.
/// A file is written under a temporary name and renamed when complete, so a half-written file is never offered.
/// </summary>
public sealed class ExportFiles
{
    public ExportFiles(string folder) => Folder = Path.GetFullPath(folder);

    public string Folder { get; }

    public string PathOf(Guid jobId) => Path.Combine(Folder, $"{jobId:N}.xlsx");

    /// <summary>A new file for the job, under its temporary name.</summary>
    public FileStream Create(Guid jobId)
    {
        Directory.CreateDirectory(Folder);
        return new FileStream(PartOf(jobId), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
    }

    /// <summary>Gives the finished file its real name; returns its size.</summary>
    public long Publish(Guid jobId)
    {
        File.Move(PartOf(jobId), PathOf(jobId), overwrite: true);
        return new FileInfo(PathOf(jobId)).Length;
    }

    public bool Exists(Guid jobId) => File.Exists(PathOf(jobId));

    /// <summary>Deletes the job's file, finished or not; a file already gone (or a folder never made) is fine.</summary>
    public void Delete(Guid jobId)
    {
        if (!Directory.Exists(Path.GetDirectoryName(PathOf(jobId))))
        {
            return;
        }

        File.Delete(PathOf(jobId));
        File.Delete(PartOf(jobId));
    }

    /// <summary>The folder the app's settings name, resolved against <paramref name="contentRoot"/>.</summary>
    public static ExportFiles For(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["Exports:Folder"] is { Length: > 0 } configured
            ? Path.Combine(contentRoot, configured)
            : Path.Combine(DataFolder(configuration) ?? Path.Combine(contentRoot, "App_Data"), "exports");
        var files = new ExportFiles(folder);
        var webRoot = Path.GetFullPath(Path.Combine(contentRoot, "wwwroot")) + Path.DirectorySeparatorChar;
        if ((files.Folder + Path.DirectorySeparatorChar).StartsWith(webRoot, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Exports:Folder ({files.Folder}) is under wwwroot, where anyone could download the files.");
        }

        return files;
    }

    private string PartOf(Guid jobId) => PathOf(jobId) + ".part";

    /// <summary>The folder of the SQLite database file, when the app keeps its data in one.</summary>
    private static string? DataFolder(IConfiguration configuration)
    {
        if ((configuration["Database:Provider"] ?? DatabaseProvider.Sqlite) != DatabaseProvider.Sqlite
            || configuration.GetConnectionString("Scrm") is not { } connectionString)
        {
            return null;
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) || !Path.IsPathRooted(dataSource)
            ? null : Path.GetDirectoryName(dataSource);
    }
}
