using Microsoft.CodeAnalysis.Testing;
using NovaImage.Analyzers.Diagnostics;
using NovaImage.Analyzers.Rules;
using NovaImage.Analyzers.Tests.Infrastructure;
using NovaImage.CodeFixes;

namespace NovaImage.Analyzers.Tests.Rules;

/// <summary>NIMG0301 (v1-only members) and NIMG0302 (ApiVersion.V1), and the v2 fixes.</summary>
public sealed class V1OnlyTests
{
    private static DiagnosticResult V1Member(int location, string member, string instead) =>
        Verify<V1OnlyAnalyzer>.Diagnostic(DiagnosticIds.V1OnlyMember).WithLocation(location).WithArguments(member, instead);

    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new Verify<V1OnlyAnalyzer>.CodeFixTest<V1OnlyCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }

    [Fact]
    public async Task Each_marked_runtime_member_is_reported_with_its_v2_equivalent()
    {
        const string source = """
            using System;
            using NovaImage;
            using NovaImage.V1;
            class C
            {
                async void M(IGlanceV1Api api, DateTimeOffset t, Uri source)
                {
                    var q = new ImageQuery { {|#0:ChangesSince|} = t, {|#1:IsPublic|} = true };
                    var c = new ImageCreate { Name = "x", {|#2:CopyFrom|} = source };
                    var since = {|#3:q.ChangesSince|};
                    await {|#4:api.DeleteImageAsync|}("id");
                }
            }
            """;
        await Verify<V1OnlyAnalyzer>.AnalyzerAsync(
            source,
            V1Member(0, "ImageQuery.ChangesSince", "Use UpdatedAt = TimeFilter.GreaterOrEqual(t) (v2 updated_at=gte:t); v2 never lists deleted images."),
            V1Member(1, "ImageQuery.IsPublic", "Use Visibility = ImageVisibility.Public (true) or ImageVisibility.Private (false)."),
            V1Member(2, "ImageCreate.CopyFrom", "Use ImportAsync with ImageImport.WebDownload(uri) (v2 web-download import, with URI filtering)."),
            V1Member(3, "ImageQuery.ChangesSince", "Use UpdatedAt = TimeFilter.GreaterOrEqual(t) (v2 updated_at=gte:t); v2 never lists deleted images."),
            V1Member(4, "IGlanceV1Api.DeleteImageAsync", "Use Glance v2: IImageApi with ApiVersion.V2 (or NovaImage.V2.IGlanceV2Api); no supported Glance serves v1."));
    }

    [Fact]
    public async Task Each_way_of_selecting_ApiVersion_V1_carries_the_security_note_and_V2_is_fine()
    {
        const string source = """
            using NovaImage;
            class C
            {
                ApiVersion _field = {|#0:ApiVersion.V1|};
                ApiVersion Property { get; } = {|#1:ApiVersion.V1|};
                GlanceOptions A() => new GlanceOptions { ApiVersion = {|#2:ApiVersion.V1|} };
                GlanceOptions B() => new GlanceOptions { ApiVersion = ApiVersion.V2 };
                void Assign(GlanceOptions o, bool legacy)
                {
                    o.ApiVersion = {|#3:ApiVersion.V1|};
                    o.ApiVersion = legacy ? {|#4:ApiVersion.V1|} : ApiVersion.V2;
                    o.ApiVersion = legacy switch { true => {|#5:ApiVersion.V1|}, false => ApiVersion.V2 };
                    var local = {|#6:ApiVersion.V1|};
                    Use({|#7:ApiVersion.V1|});
                    UseNullable({|#8:ApiVersion.V1|});
                }
                ApiVersion Pick() => {|#9:ApiVersion.V1|};
                void Use(ApiVersion version) { }
                void UseNullable(ApiVersion? version) { }
            }
            """;
        await Verify<V1OnlyAnalyzer>.AnalyzerAsync(
            source,
            [.. Enumerable.Range(0, 10).Select(i => Verify<V1OnlyAnalyzer>.Diagnostic(DiagnosticIds.V1SelectedInCode).WithLocation(i))]);
    }

    [Fact]
    public async Task Comparing_with_ApiVersion_V1_selects_nothing_and_is_not_reported()
    {
        const string source = """
            using System.Collections.Generic;
            using NovaImage;
            class C
            {
                bool IsV1(GlanceOptions o) => o.ApiVersion == ApiVersion.V1;
                bool NotV1(ApiVersion version) => ApiVersion.V1 != version;
                string Describe(GlanceOptions x)
                {
                    if (x.ApiVersion == ApiVersion.V1) return "v1";
                    if (x.ApiVersion is ApiVersion.V1 or ApiVersion.Auto) return "maybe v1";
                    switch (x.ApiVersion)
                    {
                        case ApiVersion.V1: return "v1";
                        default: return x.ApiVersion switch { ApiVersion.V1 => "v1", _ => "other" };
                    }
                }
                bool Equal(ApiVersion version) =>
                    version.Equals(ApiVersion.V1) || EqualityComparer<ApiVersion>.Default.Equals(version, ApiVersion.V1) || Same(version, ApiVersion.V1);
                static bool Same<T>(T expected, T actual) => EqualityComparer<T>.Default.Equals(expected, actual);
            }
            """;
        await Verify<V1OnlyAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task V2_members_and_code_that_is_itself_v1_only_are_not_reported()
    {
        const string source = """
            using NovaImage;
            [V1Only("Use the v2 path.")]
            interface ILegacyV1 { void Purge(); }
            class C
            {
                ImageQuery Q(System.DateTimeOffset t) => new ImageQuery { UpdatedAt = TimeFilter.GreaterOrEqual(t), Visibility = ImageVisibility.Public };

                [V1Only("Use Q.")]
                bool? Legacy(ImageQuery q, ILegacyV1 v1) { v1.Purge(); return q.IsPublic; }
            }
            """;
        await Verify<V1OnlyAnalyzer>.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Members_of_a_consumer_type_marked_V1Only_are_reported()
    {
        const string source = """
            using NovaImage;
            [V1Only("Use PurgeV2.")]
            interface ILegacyV1 { void Purge(); }
            class C
            {
                void M(ILegacyV1 v1) => {|#0:v1.Purge|}();
            }
            """;
        await Verify<V1OnlyAnalyzer>.AnalyzerAsync(source, V1Member(0, "ILegacyV1.Purge", "Use PurgeV2."));
    }

    [Fact]
    public async Task ChangesSince_becomes_UpdatedAt_greater_or_equal()
    {
        const string source = """
            using System;
            using NovaImage;
            class C
            {
                ImageQuery M(DateTimeOffset lastRun) => new ImageQuery { Owner = "p", [|ChangesSince|] = lastRun.AddMinutes(-1) };
            }
            """;
        const string fixedSource = """
            using System;
            using NovaImage;
            class C
            {
                ImageQuery M(DateTimeOffset lastRun) => new ImageQuery { Owner = "p", UpdatedAt = TimeFilter.GreaterOrEqual(lastRun.AddMinutes(-1)) };
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task IsPublic_constants_become_Visibility_and_fix_all_covers_the_document()
    {
        const string source = """
            namespace App;
            class C
            {
                NovaImage.ImageQuery Public() => new() { [|IsPublic|] = true };
                NovaImage.ImageQuery Private(NovaImage.ImageQuery q) => q with { [|IsPublic|] = false };
            }
            """;
        const string fixedSource = """
            namespace App;
            class C
            {
                NovaImage.ImageQuery Public() => new() { Visibility = NovaImage.ImageVisibility.Public };
                NovaImage.ImageQuery Private(NovaImage.ImageQuery q) => q with { Visibility = NovaImage.ImageVisibility.Private };
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task No_fix_without_an_exact_v2_equivalent()
    {
        const string source = """
            using System;
            using NovaImage;
            class C
            {
                ImageQuery A(bool? pub) => new ImageQuery { [|IsPublic|] = pub };
                ImageQuery B(DateTimeOffset? t) => new ImageQuery { [|ChangesSince|] = t };
                ImageQuery D(DateTimeOffset t) => new ImageQuery { UpdatedAt = TimeFilter.LessThan(t), [|ChangesSince|] = t };
                ImageCreate E(Uri u) => new ImageCreate { [|CopyFrom|] = u };
            }
            """;
        await VerifyFixAsync(source, source);
    }
}
