using System.Globalization;

namespace Scrm.Benchmarks.Live;

/// <summary>The live runs' command line: <c>--name N</c> pairs.</summary>
public static class LiveArgs
{
    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static int Read(IReadOnlyList<string> args, string name, int fallback) =>
        args.ToList().IndexOf(name) is var i and >= 0 && i + 1 < args.Count ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
