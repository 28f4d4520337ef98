namespace NovaImage.TestSupport.Proxy;

/// <summary>A fault a <see cref="FaultInjectingProxy"/> injects into one response body.</summary>
/// <param name="AfterBytes">Body bytes relayed before the fault (for <paramref name="Flip"/>: the offset of the byte changed).</param>
/// <param name="Stall">False: abort the connection; true: keep it open and send nothing more until the client leaves.</param>
/// <param name="Status">When set, answer this status with an empty body instead of relaying the request (the request body is not read, unless <paramref name="ReadBody"/>).</param>
/// <param name="Flip">True: invert every bit of the byte at <paramref name="AfterBytes"/> and relay the whole body otherwise unchanged (corruption in transit, no cut).</param>
/// <param name="ReadBody">With <paramref name="Status"/>: receive the whole request body first, as a server that fails once the data has arrived does.</param>
public sealed record ProxyFault(long AfterBytes, bool Stall, bool Flip = false, int? Status = null, bool ReadBody = false);
