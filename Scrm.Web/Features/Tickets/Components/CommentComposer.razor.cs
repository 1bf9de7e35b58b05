using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets.Components;

/// <summary>
/// The comment box: writes a comment and @mentions people who may see the ticket, picked from a list that opens when
/// "@" is typed (filtered by the name typed after it) or from the 提及 button (with a search box).
/// </summary>
public sealed partial class CommentComposer
{
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The ticket commented on.</summary>
    [Parameter, EditorRequired] public long TicketId { get; set; }

    /// <summary>Called once the comment is saved.</summary>
    [Parameter] public EventCallback OnAdded { get; set; }

    private string? _text;
    private bool _busy;
    private bool _pickerOpen;

    // Read when the picker first opens: most comments mention nobody.
    private IReadOnlyList<MentionCandidate>? _candidates;

    // The name typed after "@" while the picker was opened by typing; null when the button opened it.
    private string? _typed;
    private string? _search;
    private readonly List<MentionCandidate> _mentioned = [];

    /// <summary>Who the picker lists: not yet mentioned, matching the typed or searched text by name or login.</summary>
    private List<MentionCandidate> Offered
    {
        get
        {
            var filter = (_typed ?? _search)?.Trim() ?? "";
            return (_candidates ?? []).Where(c => !_mentioned.Contains(c)
                    && (filter.Length == 0 || c.DisplayName.Contains(filter, StringComparison.OrdinalIgnoreCase)
                        || c.UserName.Contains(filter, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
    }

    private async Task OnTextChanged(string? text)
    {
        _text = text;
        var typed = MentionMarkup.Typing(text);
        if (typed is not null)
        {
            _typed = typed;
            await OpenPickerAsync();
        }
        else if (_typed is not null)
        {
            // The "@name" being typed was finished or deleted: the list it opened goes with it.
            _typed = null;
            _pickerOpen = false;
        }
    }

    private Task TogglePickerAsync()
    {
        if (_pickerOpen)
        {
            _pickerOpen = false;
            return Task.CompletedTask;
        }

        _typed = null;
        _search = null;
        return OpenPickerAsync();
    }

    private async Task OpenPickerAsync()
    {
        _pickerOpen = true;
        if (_candidates is null)
        {
            await TryAsync(async () => _candidates = await Tickets.MentionCandidatesAsync(await CurrentUser.RequireAsync(), TicketId));
        }
    }

    private void Pick(MentionCandidate person)
    {
        _text = MentionMarkup.Insert(_text, person.DisplayName);
        _mentioned.Add(person);
        _typed = null;
        _pickerOpen = false;
    }

    private void Unmention(MentionCandidate person) => _mentioned.Remove(person);

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            // Someone chosen whose "@name" was deleted from the text afterwards is not mentioned.
            var mentioned = _mentioned.Where(p => MentionMarkup.Mentions(_text, p.DisplayName)).Select(p => p.UserId).ToList();
            if (await TryAsync(async () => await Tickets.AddCommentAsync(await CurrentUser.RequireAsync(), TicketId, _text, mentioned)))
            {
                _text = null;
                _mentioned.Clear();
                _pickerOpen = false;
                await OnAdded.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<bool> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
            return false;
        }
    }
}
