using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Xunit;

namespace Scrm.Tests.Web;

/// <summary>Every user-visible string exists in both languages, and every key the code asks for exists.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string WebRoot = Path.Combine(RepoRoot(), "Scrm.Web");
    private static readonly IReadOnlyDictionary<string, string> English = Load("SharedResource.resx");
    private static readonly IReadOnlyDictionary<string, string> Chinese = Load("SharedResource.zh-CN.resx");

    [Fact]
    public void BothLanguages_HaveTheSameKeys()
    {
        Assert.Empty(English.Keys.Except(Chinese.Keys).Select(k => $"missing in zh-CN: {k}"));
        Assert.Empty(Chinese.Keys.Except(English.Keys).Select(k => $"missing in English: {k}"));
    }

    [Fact]
    public void NoTranslation_IsEmpty()
    {
        Assert.Empty(English.Concat(Chinese).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void EveryLiteralKeyInTheCode_Exists()
    {
        var used = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !English.ContainsKey(k)).Order());
    }

    [Fact]
    public void EveryEnumValueShown_HasItsKey()
    {
        var keys = Enum.GetNames<TicketStatus>().SelectMany(s => new[] { $"Status.{s}", $"Action.{s}" })
            .Concat(Enum.GetNames<Urgency>().Select(u => $"Urgency.{u}"))
            .Concat(Enum.GetNames<Role>().Select(r => $"Role.{r}"))
            .Concat(Enum.GetNames<Scrm.Domain.Notifications.NotificationKind>().Select(k => $"NotificationKind.{k}"));

        var missing = keys.Where(k => !English.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryDomainErrorCode_HasAMessage()
    {
        var codes = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "Scrm.Domain"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(WebRoot, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        var fieldCodes = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "Scrm.Domain", "Templates"), "*.cs")
            .SelectMany(f => FieldErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();

        Assert.NotEmpty(codes);
        Assert.NotEmpty(fieldCodes);
        Assert.Empty(codes.Where(c => !English.ContainsKey($"Error.{c}")).Order());
        Assert.Empty(fieldCodes.Where(c => !English.ContainsKey($"FieldError.{c}")).Order());
    }

    [Fact]
    public void Placeholders_MatchBetweenLanguages()
    {
        var mismatched = English.Keys.Intersect(Chinese.Keys)
            .Where(k => !Placeholders(English[k]).SetEquals(Placeholders(Chinese[k])));

        Assert.Empty(mismatched);
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scrm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Scrm.sln not found above the test binaries.");
    }

    // L["Some.Key"] or L["Some.Key", args] — literal keys only; interpolated ones are covered by the enum test.
    [GeneratedRegex("""\bL\["(?<key>[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+)"[,\]]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""(DomainException|Fail)\("(?<code>[A-Za-z]+)",""")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(""""Fail\(field, "(?<code>[A-Za-z]+)"|new FieldError\([^,]+, [^,]+, "(?<code>[A-Za-z]+)"""")]
    private static partial Regex FieldErrorCode();

    [GeneratedRegex(@"\{[a-z0-9_]+\}")]
    private static partial Regex Placeholder();
}
