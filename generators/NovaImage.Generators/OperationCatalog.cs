namespace NovaImage.Generators;

/// <summary>How a member of <c>IImageApi</c> is generated.</summary>
internal enum MemberKind
{
    /// <summary>One retried call on the version's Refit client (direct when its arguments bind by name, else a translator).</summary>
    Call,
    /// <summary>A paged listing: the version's translator pages through the transport.</summary>
    List,
    /// <summary>A download: the runtime's download pipeline for the version.</summary>
    Download,
}

/// <summary>One argument of an <c>IImageApi</c> member.</summary>
internal sealed record MemberParameter(string Name, string Type, string? Default = null);

/// <summary>A feature check done before the call: the <c>GlanceFeature</c> and when it applies.</summary>
internal sealed record FeatureGate(string Feature, string Condition);

/// <summary>One member of <c>IImageApi</c>: its signature and which <c>ImageOperation</c> serves it.</summary>
internal sealed record CatalogMember(
    string Name,
    string Operation,
    MemberKind Kind,
    string? ResultType,
    MemberParameter[] Parameters,
    string ImageIdExpression = "imageId",
    string ReplayableExpression = "true",
    FeatureGate[]? Gates = null,
    string? Prologue = null,
    string? AttemptSetup = null);

/// <summary>
/// The operations of <c>NovaImage.IImageApi</c> and how each binds to the Refit methods the generator discovers. It is
/// the generator's half of the contract with the runtime (a test checks it against the real interface).
/// </summary>
internal static class OperationCatalog
{
    private const string Image = "global::NovaImage.Image";
    private const string ImageMember = "global::NovaImage.ImageMember";
    private const string Stream = "global::System.IO.Stream";
    private const string UploadOptions = "global::NovaImage.UploadOptions";
    // A seekable body is sent again from where the caller left it on each attempt; a non-seekable one is never retried.
    private const string RememberStart = "var dataStart = data.CanSeek ? data.Position : 0L;";
    private const string Rewind = "if (data.CanSeek) data.Position = dataStart;";
    private static readonly MemberParameter ImageId = new("imageId", "string");

    private static MemberParameter[] P(params MemberParameter[] parameters) => parameters;

    public static CatalogMember[] Members { get; } =
    [
        new("GetImageAsync", "Show", MemberKind.Call, Image, P(ImageId)),
        new("ListImagesAsync", "List", MemberKind.List, Image, P(new MemberParameter("query", "global::NovaImage.ImageQuery?", "null")), ImageIdExpression: "null"),
        new("CreateImageAsync", "Create", MemberKind.Call, Image, P(new MemberParameter("image", "global::NovaImage.ImageCreate")), ImageIdExpression: "image.Id"),
        new("UpdateImageAsync", "Update", MemberKind.Call, Image, P(ImageId, new MemberParameter("update", "global::NovaImage.ImageUpdate"))),
        new("DeleteImageAsync", "Delete", MemberKind.Call, null, P(ImageId)),
        new("UploadAsync", "Upload", MemberKind.Call, null, P(ImageId, new MemberParameter("data", Stream), new MemberParameter("options", UploadOptions + "?", "null")),
            ReplayableExpression: "data.CanSeek", Gates: [new FeatureGate("MultiStore", "options?.Store is not null")],
            Prologue: RememberStart, AttemptSetup: Rewind),
        new("DownloadToFileAsync", "Download", MemberKind.Download, "global::NovaImage.DownloadResult",
            P(ImageId, new MemberParameter("destinationPath", "string"), new MemberParameter("options", "global::NovaImage.DownloadOptions?", "null"))),
        new("DownloadAsync", "Download", MemberKind.Download, "global::NovaImage.DownloadResult",
            P(ImageId, new MemberParameter("destination", Stream), new MemberParameter("options", "global::NovaImage.DownloadOptions?", "null"))),
        new("AddTagAsync", "AddTag", MemberKind.Call, null, P(ImageId, new MemberParameter("tag", "string"))),
        new("RemoveTagAsync", "RemoveTag", MemberKind.Call, null, P(ImageId, new MemberParameter("tag", "string"))),
        new("AddMemberAsync", "AddMember", MemberKind.Call, ImageMember, P(ImageId, new MemberParameter("memberId", "string"))),
        new("RemoveMemberAsync", "RemoveMember", MemberKind.Call, null, P(ImageId, new MemberParameter("memberId", "string"))),
        new("ListMembersAsync", "ListMembers", MemberKind.Call, "global::System.Collections.Generic.IReadOnlyList<" + ImageMember + ">", P(ImageId)),
        new("SetMemberStatusAsync", "SetMemberStatus", MemberKind.Call, ImageMember, P(ImageId, new MemberParameter("memberId", "string"), new("status", "global::NovaImage.MemberStatus"))),
        new("ImportAsync", "Import", MemberKind.Call, null, P(ImageId, new MemberParameter("import", "global::NovaImage.ImageImport")),
            Gates: [new FeatureGate("Import", "true"), new FeatureGate("MultiStore", "import.Stores.Count > 0 || import.AllStores == true")]),
        new("StageAsync", "Stage", MemberKind.Call, null, P(ImageId, new MemberParameter("data", Stream), new MemberParameter("options", UploadOptions + "?", "null")),
            ReplayableExpression: "data.CanSeek", Gates: [new FeatureGate("Import", "true")],
            Prologue: RememberStart, AttemptSetup: Rewind),
        new("DeactivateAsync", "Deactivate", MemberKind.Call, null, P(ImageId)),
        new("ReactivateAsync", "Reactivate", MemberKind.Call, null, P(ImageId)),
    ];

    /// <summary>The operations every client needs from v2 (each must be implemented there).</summary>
    public static string[] RequiredV2Operations { get; } = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(Members, m => m.Operation)));
}
