namespace NovaImage;

/// <summary>One store location of an image's data, as Glance v2 reports it.</summary>
/// <param name="Url">The location URL (e.g. <c>file:///var/lib/glance/images/&lt;id&gt;</c>).</param>
/// <param name="Metadata">Store metadata, e.g. the file store's <c>id</c> and <c>mountpoint</c> and the multi-store <c>store</c>.</param>
public sealed record ImageLocation(string Url, IReadOnlyDictionary<string, string> Metadata);
