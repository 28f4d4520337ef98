namespace NovaImage;

/// <summary>
/// A filesystem this host mounts that also backs a Glance file store (<c>[image_file_url:NAME]</c>):
/// <see cref="Id"/> matches the store's location metadata <c>id</c>; Glance's mountpoint is remapped to <see cref="Mountpoint"/>.
/// </summary>
public sealed class ImageFileSystem
{
    /// <summary>Section name (<c>NAME</c> in <c>[image_file_url:NAME]</c>).</summary>
    public string Name { get; set; } = "";
    /// <summary>The store's filesystem id, as in Glance's <c>filesystem_store_metadata_file</c>.</summary>
    public string Id { get; set; } = "";
    /// <summary>Where this host mounts that filesystem.</summary>
    public string Mountpoint { get; set; } = "";
}
