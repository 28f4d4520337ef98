using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NovaImage.ConfigFiles;

namespace NovaImage.CodeFixes;

/// <summary>
/// The deprecated host/port/protocol assignments that belong together: the ones of one object initializer, or a run of
/// consecutive <c>x.Host = ...;</c> statements on the same receiver. The fix replaces them with one api_servers entry.
/// </summary>
internal sealed class DeprecatedOptionGroup
{
    private const string AttributeName = "NovaImage.DeprecatedGlanceOptionAttribute";

    private DeprecatedOptionGroup(IReadOnlyList<SyntaxNode> nodes, ExpressionSyntax? receiver, bool apiServersAlreadySet, ExpressionSyntax? server)
    {
        Nodes = nodes;
        Receiver = receiver;
        ApiServersAlreadySet = apiServersAlreadySet;
        Server = server;
    }

    /// <summary>The assignments (initializer) or statements, in document order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes { get; }

    /// <summary>The receiver of the statements; null for an object initializer.</summary>
    public ExpressionSyntax? Receiver { get; }

    /// <summary>The initializer also sets ApiServers, so Nova ignored these options: the fix just removes them.</summary>
    public bool ApiServersAlreadySet { get; }

    /// <summary>The api_servers entry (a string literal, or an interpolated string when a part is not constant).</summary>
    public ExpressionSyntax? Server { get; }

    /// <summary>The group around the reported node, or null when no safe rewrite exists (a read, no host, ...).</summary>
    public static DeprecatedOptionGroup? Find(SyntaxNode reported, SemanticModel model, CancellationToken cancellationToken)
    {
        if (reported.Parent is not AssignmentExpressionSyntax assignment || assignment.Left != reported || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            return null;

        var options = new Dictionary<string, ExpressionSyntax>();
        var nodes = new List<SyntaxNode>();
        ExpressionSyntax? receiver = null;
        var apiServersSet = false;

        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is not AssignmentExpressionSyntax member || !member.IsKind(SyntaxKind.SimpleAssignmentExpression)) continue;
                if (member.Left is IdentifierNameSyntax { Identifier.ValueText: "ApiServers" }) apiServersSet = true;
                if (OptionOf(member.Left, model, cancellationToken) is not { } option || options.ContainsKey(option)) continue;
                options[option] = member.Right;
                nodes.Add(member);
            }
        }
        else if (assignment.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax block
            && assignment.Left is MemberAccessExpressionSyntax access && IsStable(access.Expression))
        {
            receiver = access.Expression;
            var statements = block.Statements;
            var index = statements.IndexOf(statement);
            var first = index;
            while (first > 0 && Member(statements[first - 1], receiver, model, cancellationToken) is not null) first--;
            for (var i = first; i < statements.Count; i++)
            {
                if (Member(statements[i], receiver, model, cancellationToken) is not { } member) break;
                var option = OptionOf(member.Left, model, cancellationToken)!;
                if (options.ContainsKey(option)) break; // a second run of the same option: a different server
                options[option] = member.Right;
                nodes.Add(statements[i]);
            }
            if (!nodes.Contains(statement)) return null;
        }
        else
        {
            return null;
        }

        if (apiServersSet) return new DeprecatedOptionGroup(nodes, receiver, apiServersAlreadySet: true, server: null);
        if (!options.TryGetValue("host", out var host)) return null;
        options.TryGetValue("port", out var port);
        options.TryGetValue("protocol", out var protocol);
        var server = ServerExpression(model, protocol, host, port, cancellationToken);
        return server is null ? null : new DeprecatedOptionGroup(nodes, receiver, apiServersAlreadySet: false, server);
    }

    private static AssignmentExpressionSyntax? Member(StatementSyntax statement, ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken) =>
        statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
        && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
        && assignment.Left is MemberAccessExpressionSyntax access
        && SyntaxFactory.AreEquivalent(access.Expression, receiver)
        && OptionOf(assignment.Left, model, cancellationToken) is not null
            ? assignment
            : null;

    /// <summary>A receiver that names the same object every time it is evaluated (locals, parameters, fields, this).</summary>
    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };

    private static string? OptionOf(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(left, cancellationToken).Symbol is not IPropertySymbol property) return null;
        foreach (var attribute in property.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == AttributeName && attribute.ConstructorArguments.Length > 0)
                return attribute.ConstructorArguments[0].Value as string;
        }
        return null;
    }

    /// <summary>
    /// <c>"https://glance:9292"</c> when every part is constant; otherwise <c>$"{protocol}://{host}:{port}"</c> with
    /// the constant parts inlined. Nova's defaults fill what is missing (http, 9292). Null when host is null.
    /// </summary>
    private static ExpressionSyntax? ServerExpression(SemanticModel model, ExpressionSyntax? protocol, ExpressionSyntax host, ExpressionSyntax? port, CancellationToken cancellationToken)
    {
        var hostValue = model.GetConstantValue(host, cancellationToken);
        if (hostValue is { HasValue: true, Value: null }) return null;
        var protocolValue = protocol is null ? default : model.GetConstantValue(protocol, cancellationToken);
        var portValue = port is null ? default : model.GetConstantValue(port, cancellationToken);
        var protocolConstant = protocol is null || protocolValue.HasValue;
        var portConstant = port is null || portValue.HasValue;

        if (hostValue.HasValue && protocolConstant && portConstant)
        {
            var url = ApiServerAddress.FromLegacyOptions(protocolValue.Value as string, (string)hostValue.Value!, ConstantText(portValue.Value));
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(url));
        }

        var text = new StringBuilder("$\"");
        if (protocolConstant) text.Append(Escape((protocolValue.Value as string)?.Trim().ToLowerInvariant() ?? ApiServerAddress.DefaultProtocol));
        else text.Append(Hole(protocol!));
        text.Append("://");
        if (hostValue.HasValue)
        {
            var constantHost = ((string)hostValue.Value!).Trim();
            text.Append(Escape(constantHost.IndexOf(':') >= 0 && !constantHost.StartsWith("[") ? "[" + constantHost + "]" : constantHost));
        }
        else
        {
            text.Append(Hole(host));
        }
        text.Append(':');
        if (portConstant) text.Append(Escape(ConstantText(portValue.Value) ?? ApiServerAddress.DefaultPort.ToString(CultureInfo.InvariantCulture)));
        else text.Append(Hole(port!));
        text.Append('"');
        return SyntaxFactory.ParseExpression(text.ToString());
    }

    private static string? ConstantText(object? value) => value is null ? null : System.Convert.ToString(value, CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");

    private static string Hole(ExpressionSyntax expression)
    {
        var code = expression.WithoutTrivia().ToString();
        return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? "{" + code + "}"
            : "{(" + code + ")}";
    }
}
