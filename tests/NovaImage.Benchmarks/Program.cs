using BenchmarkDotNet.Running;
using NovaImage.Benchmarks;

// `download ...`: one library download for scripts/compare.sh; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`, as scripts/bench.sh runs it).
if (args is ["download", .. var rest]) return await LibraryDownload.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(LibraryDownload).Assembly).Run(args);
return 0;
