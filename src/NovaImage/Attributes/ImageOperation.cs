namespace NovaImage;

/// <summary>The operations of <see cref="IImageApi"/>; Refit methods name the one they implement.</summary>
public enum ImageOperation
{
    /// <summary>The versions document.</summary>
    Versions,
    /// <summary>Show one image.</summary>
    Show,
    /// <summary>List images (one page).</summary>
    List,
    /// <summary>Create an image record.</summary>
    Create,
    /// <summary>Change an image's fields and properties.</summary>
    Update,
    /// <summary>Delete an image.</summary>
    Delete,
    /// <summary>Upload image data.</summary>
    Upload,
    /// <summary>Download image data.</summary>
    Download,
    /// <summary>Add a tag (v2 only).</summary>
    AddTag,
    /// <summary>Remove a tag (v2 only).</summary>
    RemoveTag,
    /// <summary>Share with a project.</summary>
    AddMember,
    /// <summary>Stop sharing with a project.</summary>
    RemoveMember,
    /// <summary>List the projects an image is shared with.</summary>
    ListMembers,
    /// <summary>Accept or reject a share (v2 only).</summary>
    SetMemberStatus,
    /// <summary>Stage data for glance-direct (v2.6+ only).</summary>
    Stage,
    /// <summary>Interoperable import (v2.6+ only).</summary>
    Import,
    /// <summary>Deactivate (v2.3+ only).</summary>
    Deactivate,
    /// <summary>Reactivate (v2.3+ only).</summary>
    Reactivate,
    /// <summary>List the stores of a multi-store Glance (v2.8+ only).</summary>
    ListStores,
    /// <summary>Add a store location to an image (v2 only).</summary>
    AddLocation,
    /// <summary>Remove a store location from an image (v2 only).</summary>
    RemoveLocation,
}
