using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Web.Features.Catalog.Import;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Catalog.Components;

/// <summary>Uploads an .xlsx into a catalog: a clean file is imported and the dialog closes with the outcome; otherwise it lists what to fix.</summary>
public partial class CatalogImportDialog
{
    private bool _busy;
    private string? _fileName;
    private ImportOutcome? _outcome;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private CatalogImportService Import { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>Which catalog the file fills.</summary>
    [Parameter, EditorRequired] public CatalogKind Kind { get; set; }

    private string TemplateUrl => $"admin/catalog/{Kind.ToString().ToLowerInvariant()}/template.xlsx";

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        (_busy, _fileName, _outcome) = (true, file.Name, null);
        StateHasChanged();
        try
        {
            var actor = await CurrentUser.RequireAsync();
            _outcome = file.Size > XlsxSheetReader.MaxFileBytes
                ? ImportOutcome.Refused(CatalogImportService.TooLarge())
                : await ImportAsync(actor, file);
        }
        catch (IOException)
        {
            // The browser stopped sending (a dropped connection, a file changed while read): nothing was imported.
            _outcome = ImportOutcome.Refused(new Domain.Common.DomainException("ImportUploadFailed", "The file did not arrive completely. Choose it again."));
        }
        finally
        {
            _busy = false;
        }

        if (_outcome.Succeeded)
        {
            Snackbar.Add(L["Catalog.Imported", _outcome.Added, _outcome.Updated], Severity.Success);
            Dialog.Close(DialogResult.Ok(_outcome));
        }
    }

    private async Task<ImportOutcome> ImportAsync(Domain.Common.Actor actor, IBrowserFile file)
    {
        // Read whole first (at most 5 MB): the workbook reader seeks, and the upload stream cannot.
        using var content = new MemoryStream();
        await using (var upload = file.OpenReadStream(XlsxSheetReader.MaxFileBytes))
        {
            await upload.CopyToAsync(content);
        }

        content.Position = 0;
        return await Import.ImportAsync(actor, Kind, file.Name, content);
    }
}
