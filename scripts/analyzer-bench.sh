#!/usr/bin/env bash
# Measures the NovaImage analyzer on a generated consumer of N C# files (default 2000):
#   scripts/analyzer-bench.sh [N] [DIR]
# Builds the runtime and analyzer (Release), generates DIR (default /tmp/novaimage-analyzer-bench; never committed),
# rebuilds it with -p:ReportAnalyzer=true and prints the compiler's analyzer timing next to the build's wall time.
set -euo pipefail
count="${1:-2000}"
dir="${2:-/tmp/novaimage-analyzer-bench}"
root="$(cd "$(dirname "$0")/.." && pwd)"

dotnet build "$root/src/NovaImage/NovaImage.csproj" -c Release -f net10.0 -nologo -v:q >&2
dotnet build "$root/analyzers/NovaImage.Analyzers/NovaImage.Analyzers.csproj" -c Release -nologo -v:q >&2
runtime="$root/src/NovaImage/bin/Release/net10.0/NovaImage.dll"
analyzer="$root/analyzers/NovaImage.Analyzers/bin/Release/netstandard2.0/NovaImage.Analyzers.dll"

rm -rf "$dir" && mkdir -p "$dir/Code"
cat > "$dir/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS0618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$runtime" />
    <Analyzer Include="$analyzer" />
    <AdditionalFiles Include="nova.conf;appsettings.json" />
  </ItemGroup>
</Project>
XML
printf '[glance]\nhost = glance\nport = 9292\nallowed_direct_url_schemes = file\n' > "$dir/nova.conf"
printf '{ "Glance": { "ApiServers": [ "http://glance:9292" ] } }\n' > "$dir/appsettings.json"

for i in $(seq 1 "$count"); do
  legacy=""
  if (( i % 50 == 0 )); then legacy="        options.Host = \"glance$i\";"; fi
  cat > "$dir/Code/Service$i.cs" <<CS
using NovaImage;

namespace Bench.Area$((i % 40));

public sealed class Service$i
{
    private readonly List<string> _names = new();

    public GlanceOptions Options(string endpoint)
    {
        var options = new GlanceOptions { ApiServers = { endpoint }, NumRetries = $((i % 5)) };
        options.AllowedDirectUrlSchemes.Add("file");
$legacy
        return options;
    }

    public ImageQuery Query(DateTimeOffset since, bool publicOnly) => new ImageQuery
    {
        UpdatedAt = TimeFilter.GreaterOrEqual(since),
        Visibility = publicOnly ? ImageVisibility.Public : ImageVisibility.Private,
        Names = _names.Where(n => n.Length > $((i % 7))).OrderBy(n => n, StringComparer.Ordinal).ToList(),
        PageSize = $((i % 100 + 1)),
    };

    public async Task<int> CountAsync(IAsyncEnumerable<string> items, CancellationToken cancellationToken)
    {
        var total = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (item.StartsWith("img-", StringComparison.Ordinal)) total += item.Length;
            _names.Add(item);
        }
        return total + Helper$i(total);
    }

    private static int Helper$i(int value) => value switch { < 0 => 0, > 1000 => 1000, _ => value * $((i % 3 + 1)) };
}
CS
done

dotnet restore "$dir/Bench.csproj" -nologo -v:q >&2
dotnet build "$dir/Bench.csproj" -nologo -v:q > /dev/null 2>&1 || true   # warm up (the build server, the disk cache)
start=$(date +%s.%N)
dotnet build "$dir/Bench.csproj" --no-restore --no-incremental -nologo -v:d -p:ReportAnalyzer=true > "$dir/build.log" 2>&1
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)

echo "files: $count; build wall time: ${wall}s"
# csc's ReportAnalyzer table: "<seconds> <percent> <analyzer>" rows and the totals
grep -E "^\s*(Total (analyzer|generator) execution time|[0-9.<]+\s+[0-9<]+\s+NovaImage)" "$dir/build.log" | sed 's/^ *//' | sort -u
ours=$(grep -E "^\s*[0-9.]+\s+[0-9<]+\s+NovaImage\.Analyzers, Version" "$dir/build.log" | head -1 | awk '{print $1}')
echo "NovaImage analyzers: ${ours}s = $(echo "scale=2; 100 * $ours / $wall" | bc)% of the build's wall time"
echo "distinct NIMG warnings: $(grep -oE "/[^ >]+\([0-9]+,[0-9]+\): warning NIMG[0-9]+" "$dir/build.log" | sort -u | wc -l)"
