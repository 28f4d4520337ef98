namespace NovaImage.TestSupport.Fakes;

/// <summary>One request a <see cref="FakeGlance"/> received: method, path with query, and its <c>X-Auth-Token</c> (null when absent).</summary>
public readonly record struct FakeGlanceRequest(string Method, string PathAndQuery, string? Token);
