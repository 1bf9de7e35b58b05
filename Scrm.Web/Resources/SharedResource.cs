// The resource files sit in Resources/; the class sits in the root namespace so AddLocalization finds them.
#pragma warning disable IDE0130
namespace Scrm.Web;

/// <summary>Marker for the app's one set of UI strings: SharedResource.resx (English) and SharedResource.zh-CN.resx.</summary>
public sealed class SharedResource;
