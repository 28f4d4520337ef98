namespace NovaImage;

/// <summary>
/// Registers a class implementing <see cref="DirectStore.IDirectStoreAdapter"/> as the direct-download adapter
/// for a location URL scheme. Registration happens at compile time, into the generated client of the same
/// project; there is no assembly scanning.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class DirectStoreAttribute(string scheme) : Attribute
{
    /// <summary>The URL scheme (lower case, e.g. <c>file</c>).</summary>
    public string Scheme { get; } = scheme;
}
