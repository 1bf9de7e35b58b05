using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// Typed wrapper over board.js: saves the board's scroll position in sessionStorage and restores it on return, and lets
/// cards be dragged in every browser.
/// </summary>
public sealed class BoardScript(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    public async Task SaveAsync(string key, ElementReference board)
    {
        try
        {
            await (await ModuleAsync()).InvokeVoidAsync("save", key, board);
        }
        catch (JSDisconnectedException)
        {
            // Leaving because the circuit closed: there is nothing to come back to.
        }
    }

    public async Task RestoreAsync(string key, ElementReference board) => await (await ModuleAsync()).InvokeVoidAsync("restore", key, board);

    public async Task EnableDragAsync(ElementReference board) => await (await ModuleAsync()).InvokeVoidAsync("enableDrag", board);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private async Task<IJSObjectReference> ModuleAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/board.js");
}
