namespace NovaImage.TestSupport.Proxy;

/// <summary>A fault a <see cref="FaultInjectingProxy"/> injects into one response body.</summary>
/// <param name="AfterBytes">Body bytes relayed before the fault.</param>
/// <param name="Stall">False: abort the connection; true: keep it open and send nothing more until the client leaves.</param>
public sealed record ProxyFault(long AfterBytes, bool Stall);
