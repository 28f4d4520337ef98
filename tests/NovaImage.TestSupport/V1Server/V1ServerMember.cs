namespace NovaImage.TestSupport.V1Server;

/// <summary>A v1 membership: no status (sharing needs no acceptance), only can_share.</summary>
internal sealed class V1ServerMember(string memberId, bool canShare)
{
    public string MemberId { get; } = memberId;
    public bool CanShare { get; set; } = canShare;
}
