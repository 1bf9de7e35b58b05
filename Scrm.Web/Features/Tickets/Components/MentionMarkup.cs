namespace Scrm.Web.Features.Tickets.Components;

/// <summary>How a comment's text carries @mentions: typing one, inserting a chosen person, and finding them to highlight.</summary>
public static class MentionMarkup
{
    /// <summary>
    /// The name being typed after an "@" at the end of the text (<c>"请 @张"</c> → <c>"张"</c>, a bare "@" → <c>""</c>),
    /// or null when the text does not end in a mention being typed. An "@" inside a word (an e-mail address) is not one.
    /// </summary>
    public static string? Typing(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var at = text.LastIndexOf('@');
        if (at < 0 || (at > 0 && !char.IsWhiteSpace(text[at - 1])))
        {
            return null;
        }

        var fragment = text[(at + 1)..];
        return fragment.Any(c => char.IsWhiteSpace(c) || c == '@') ? null : fragment;
    }

    /// <summary>The text with "@name " in place of the mention being typed, or added at its end when none is.</summary>
    public static string Insert(string? text, string displayName)
    {
        text ??= "";
        if (Typing(text) is { } typed)
        {
            return text[..^(typed.Length + 1)] + "@" + displayName + " ";
        }

        var separator = text.Length == 0 || char.IsWhiteSpace(text[^1]) ? "" : " ";
        return text + separator + "@" + displayName + " ";
    }

    /// <summary>Whether the text still mentions the person (the user may have deleted the "@name" after choosing them).</summary>
    public static bool Mentions(string? text, string displayName) => text?.Contains("@" + displayName, StringComparison.Ordinal) == true;

    /// <summary>The text cut into plain runs and "@name" runs of the given names, the longest name winning where two start alike.</summary>
    public static IReadOnlyList<(string Text, bool IsMention)> Segments(string text, IReadOnlyCollection<string> names)
    {
        var longestFirst = names.Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
        var segments = new List<(string, bool)>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var name = text[i] == '@' ? longestFirst.Find(n => string.CompareOrdinal(text, i + 1, n, 0, n.Length) == 0) : null;
            if (name is null)
            {
                i++;
                continue;
            }

            if (i > plainStart)
            {
                segments.Add((text[plainStart..i], false));
            }

            segments.Add(("@" + name, true));
            i += name.Length + 1;
            plainStart = i;
        }

        if (plainStart < text.Length)
        {
            segments.Add((text[plainStart..], false));
        }

        return segments;
    }
}
