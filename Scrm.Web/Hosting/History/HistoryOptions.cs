using System.Globalization;

namespace Scrm.Web.Hosting.History;

/// <summary>What <c>generate-history</c> was asked for: <c>--tickets N --months M [--seed S] [--append]</c>.</summary>
public sealed record HistoryOptions(int Tickets, int Months, int Seed = 42, bool Append = false)
{
    /// <summary>The options, or null with the reason when the arguments make no sense.</summary>
    public static HistoryOptions? Parse(string[] args, out string? error)
    {
        var tickets = 1_000_000;
        var months = 18;
        var seed = 42;
        var append = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--append")
            {
                append = true;
                continue;
            }

            var value = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null;
            switch (args[i])
            {
                case "--tickets" when value is { } count:
                    tickets = count;
                    break;
                case "--months" when value is { } count:
                    months = count;
                    break;
                case "--seed" when value is { } count:
                    seed = count;
                    break;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'. Usage: generate-history --tickets 1000000 --months 18 [--seed 42] [--append]";
                    return null;
            }

            i++;
        }

        error = months > 120 ? "At most 120 months." : null;
        return error is null ? new HistoryOptions(tickets, months, seed, append) : null;
    }
}
