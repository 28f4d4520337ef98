namespace NovaImage.TestSupport.V1Server;

/// <summary>An HTTP error a handler answers with (rendered per reference §11 by <see cref="V1ErrorResponse"/>).</summary>
internal sealed class V1HttpError(int status, string detail, string? allow = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
    /// <summary>The <c>Allow</c> header of a 405.</summary>
    public string? Allow { get; } = allow;
}
