namespace NovaImage;

/// <summary>Image member status (v2.1+).</summary>
public enum MemberStatus
{
    /// <summary>Not yet accepted or rejected.</summary>
    Pending = 0,
    /// <summary>Accepted: the image shows in the member's lists.</summary>
    Accepted,
    /// <summary>Rejected.</summary>
    Rejected,
}
