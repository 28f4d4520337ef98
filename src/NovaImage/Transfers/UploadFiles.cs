namespace NovaImage.Transfers;

/// <summary>Opens the file of an <c>UploadFileAsync</c> call (a seekable stream, so the upload can be retried).</summary>
internal static class UploadFiles
{
    /// <summary>Opens <paramref name="path"/> for an asynchronous sequential read, or explains why not.</summary>
    public static FileStream OpenRead(string imageId, string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidImageRequestException($"Glance Upload: cannot read '{path}' ({ex.Message}); nothing was sent", new GlanceErrorContext(imageId), ex);
        }
    }
}
