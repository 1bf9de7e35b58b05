using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Sla;
using Scrm.Web.Features.Sla.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards.Components;

/// <summary>
/// A card as one piece of HTML. A board shows about a hundred cards in every open circuit; as components (or as Razor
/// markup) each holds some sixty render-tree frames twice over and fills the circuit's batch buffer on the first render,
/// which is most of a board's memory. As a string it is one frame, and re-sent only when the card's data changed.
/// Every text from the ticket is HTML-encoded here.
/// </summary>
public static class BoardCardHtml
{
    public static string Of(BoardCard card, IStringLocalizer<SharedResource> l, bool movable)
    {
        var urgencyColor = ScrmTheme.UrgencyColor(card.Urgency);
        var html = new StringBuilder(1024);
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"scrm-board-card\" style=\"--urgency-color:{urgencyColor}\" data-testid=\"board-card\" data-ticket-id=\"{card.Id}\" data-urgency=\"{card.Urgency}\" draggable=\"{(movable ? "true" : "false")}\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"scrm-board-card-row\"><span class=\"scrm-mono scrm-board-card-number\">{E(card.Number)}</span><span class=\"scrm-chip\" style=\"--chip-color:{urgencyColor}\" data-urgency=\"{card.Urgency}\">{E(l[$"Urgency.{card.Urgency}"])}</span>");
        if (movable)
        {
            // 移动到… for touch and keyboard users (a 44 px target; the cell tells its click from a click on the card).
            var moveTo = E(l["Board.MoveTo"]);
            html.Append(CultureInfo.InvariantCulture,
                $"<button type=\"button\" class=\"scrm-card-move\" data-card-move=\"true\" data-testid=\"card-move\" aria-label=\"{moveTo}\" title=\"{moveTo}\">{MoveIcon}</button>");
        }

        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"scrm-board-card-title\" data-testid=\"board-card-title\" title=\"{E(card.Title)}\">{E(card.Title)}</div>");
        if (card.CustomerName is { } customer)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"scrm-muted scrm-board-card-line\">{E(customer)}</div>");
        }

        html.Append("<div class=\"scrm-board-card-row mt-1\">");
        html.Append(card.AssigneeName is { Length: > 0 } assignee
            ? $"<span class=\"scrm-board-avatar\" aria-hidden=\"true\">{E(assignee[..1])}</span><span class=\"scrm-board-card-line scrm-board-card-assignee\" data-testid=\"board-card-assignee\">{E(assignee)}</span>"
            : $"<span class=\"scrm-board-avatar scrm-board-avatar-none\" aria-hidden=\"true\">?</span><span class=\"scrm-muted scrm-board-card-line scrm-board-card-assignee\">{E(l["Ticket.Unassigned"])}</span>");
        if (card.Sla is { } sla)
        {
            AppendSla(html, sla, l);
        }

        return html.Append("</div></div>").ToString();
    }

    // A bar with the time left while running, a badge once breached or paused; no SLA policy, nothing (an empty bar would read as "no time used").
    private static void AppendSla(StringBuilder html, SlaState sla, IStringLocalizer<SharedResource> l)
    {
        var color = ScrmTheme.SlaBandColor(sla.Band);
        var label = E(SlaText.Band(l, sla.Band));
        if (sla.Band is SlaBand.Breached or SlaBand.Paused)
        {
            var overdue = sla.Band == SlaBand.Breached ? " " + E(SlaText.Duration(l, sla.Left)) : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<span class=\"scrm-card-sla-badge\" style=\"--sla-color:{color}\" data-testid=\"sla-badge\" data-band=\"{sla.Band}\" title=\"{label}\">{label}{overdue}</span>");
            return;
        }

        var percent = sla.Allowed <= TimeSpan.Zero ? 100 : (int)Math.Clamp(sla.Used.TotalMinutes * 100 / sla.Allowed.TotalMinutes, 0, 100);
        html.Append(CultureInfo.InvariantCulture,
            $"<span class=\"scrm-card-sla\" style=\"--sla-color:{color}\" data-testid=\"sla-bar\" data-band=\"{sla.Band}\" title=\"{label}\">"
            + $"<span class=\"scrm-card-sla-track\"><span class=\"scrm-card-sla-fill\" style=\"width:{percent}%\"></span></span>"
            + $"<span class=\"scrm-sla-left\">{E(l["Board.SlaLeft", SlaText.Duration(l, sla.Left)])}</span></span>");
    }

    private const string MoveIcon =
        "<svg viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\"><path d=\"M4 11h12.17l-5.59-5.59L12 4l8 8-8 8-1.41-1.41L16.17 13H4z\"/></svg>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
