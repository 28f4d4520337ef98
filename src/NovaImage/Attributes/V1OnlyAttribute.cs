namespace NovaImage;

/// <summary>
/// Marks a member that only Glance API v1 serves. The NovaImage analyzer reports every use of such a member
/// and, where <paramref name="v2Equivalent"/> names one, offers the v2 form.
/// </summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class V1OnlyAttribute(string v2Equivalent) : Attribute
{
    /// <summary>What to use with Glance v2 instead (shown in the diagnostic).</summary>
    public string V2Equivalent { get; } = v2Equivalent;
}
