namespace Scrm.Web.Features.Templates.Components;

/// <summary>Move the field <paramref name="Key"/> one place up (<c>-1</c>) or down (<c>+1</c>).</summary>
public sealed record FieldMove(string Key, int Delta);
