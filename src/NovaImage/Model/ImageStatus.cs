namespace NovaImage;

/// <summary>Glance image statuses (v1 and v2 share the vocabulary; v2 adds uploading and importing).</summary>
public enum ImageStatus
{
    /// <summary>A status this client does not know.</summary>
    Unknown = 0,
    /// <summary>No data yet.</summary>
    Queued,
    /// <summary>Upload in progress.</summary>
    Saving,
    /// <summary>Ready for use.</summary>
    Active,
    /// <summary>Upload failed (v1).</summary>
    Killed,
    /// <summary>Deleted (v1 only reports it).</summary>
    Deleted,
    /// <summary>Deleted, data awaiting the scrubber.</summary>
    PendingDelete,
    /// <summary>Data download disabled by an admin.</summary>
    Deactivated,
    /// <summary>Data staged for glance-direct import.</summary>
    Uploading,
    /// <summary>Import in progress.</summary>
    Importing,
}
