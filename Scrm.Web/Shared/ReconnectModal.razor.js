// Buttons of the reconnect dialog (ReconnectModal.razor). Blazor itself shows and hides it through CSS classes.
const modal = document.getElementById("components-reconnect-modal");
document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
document.getElementById("components-reload-button")?.addEventListener("click", () => location.reload());

async function retry() {
    try {
        // A paused circuit resumes; otherwise reconnect, and if the server no longer knows the circuit, try resuming it.
        const back = modal.classList.contains("components-reconnect-paused")
            ? await Blazor.resumeCircuit()
            : (await Blazor.reconnect()) || (await Blazor.resumeCircuit());
        if (!back) {
            location.reload();
        }
    } catch {
        // The server is still unreachable: the dialog stays in its failed state with this button.
    }
}
