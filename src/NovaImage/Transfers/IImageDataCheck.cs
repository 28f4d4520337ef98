namespace NovaImage.Transfers;

/// <summary>
/// One check of an image's data made in <see cref="IntegrityVerifier"/>'s single pass: it is fed every byte in order,
/// then asked to decide once all the data arrived at the expected size. The multihash and the md5 are
/// <see cref="ImageHashCheck"/>s; other checks of the same bytes (e.g. an image signature over a digest of the data)
/// are added to <see cref="IntegrityVerifier.Create"/> as factories, because a restart from byte 0 needs fresh state.
/// </summary>
/// <remarks>
/// The verifier feeds its checks in parallel (each on its own core when there are several), so a check must not
/// share mutable state with another; one check's <see cref="Append"/> calls never overlap and come in data order.
/// </remarks>
internal interface IImageDataCheck : IDisposable
{
    /// <summary>Takes the next bytes of the data.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>
    /// Decides, once all the data arrived (and matched the expected size). Throws a typed <see cref="GlanceException"/>
    /// (<see cref="ImageIntegrityException"/> for data that does not match) when the data fails the check.
    /// </summary>
    /// <param name="source">Where the data came from, for messages (e.g. "Glance" or the direct-store path).</param>
    /// <param name="context">The image and the server, for the exception.</param>
    void Complete(string source, GlanceErrorContext context);
}
