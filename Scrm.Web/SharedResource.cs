namespace Scrm.Web;

/// <summary>
/// Marker for the app's one set of UI strings: Resources/SharedResource.resx (English) and SharedResource.zh-CN.resx.
/// It must not sit beside the .resx files, or MSBuild names the embedded resource after this class instead of the folder.
/// </summary>
public sealed class SharedResource;
