namespace NovaImage.Generators.Model;

/// <summary>How a member returns: it decides whether the body awaits, returns a value, or yields.</summary>
internal enum ReturnShape
{
    /// <summary><c>Task</c> or <c>ValueTask</c>: awaited, nothing returned.</summary>
    Task,
    /// <summary><c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>: awaited, the value returned.</summary>
    TaskOfResult,
    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c>: an async iterator.</summary>
    AsyncEnumerable,
    /// <summary>Anything else (a member the core answers directly).</summary>
    Other,
}
