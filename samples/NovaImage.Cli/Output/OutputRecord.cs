using System.Text.Json.Nodes;

namespace NovaImage.Cli.Output;

/// <summary>One result (cliff's <c>ShowOne</c>): named fields in display order, each a JSON value.</summary>
internal sealed record OutputRecord(IReadOnlyList<KeyValuePair<string, JsonNode?>> Fields);

/// <summary>A listing (cliff's <c>Lister</c>): column names and one row of values per item.</summary>
internal sealed record OutputRows(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonNode?>> Rows);
