namespace NovaImage.TestSupport.Proxy;

/// <summary>A fault a <see cref="FaultInjectingProxy"/> injects into one response body.</summary>
/// <param name="AfterBytes">Body bytes relayed before the fault (for <paramref name="Flip"/>: the offset of the byte changed).</param>
/// <param name="Stall">False: abort the connection; true: keep it open and send nothing more until the client leaves.</param>
/// <param name="Status">When set, answer this status with an empty body instead of relaying the request (the request body is not read).</param>
/// <param name="Flip">True: invert every bit of the byte at <paramref name="AfterBytes"/> and relay the whole body otherwise unchanged (corruption in transit, no cut).</param>
public sealed record ProxyFault(long AfterBytes, bool Stall, bool Flip = false, int? Status = null);
