namespace NovaImage;

/// <summary>
/// Marks a configuration property that carries a deprecated Nova <c>[glance]</c> option. The analyzer reports
/// reads and writes of it (and the same key in configuration files) and offers the replacement.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DeprecatedGlanceOptionAttribute(string optionName, string replacement) : Attribute
{
    /// <summary>The option's key in nova.conf (e.g. <c>host</c>).</summary>
    public string OptionName { get; } = optionName;

    /// <summary>The option to use instead (e.g. <c>api_servers</c>).</summary>
    public string Replacement { get; } = replacement;
}
