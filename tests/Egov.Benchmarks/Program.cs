// Mediator pipeline benchmarks. Run from the repository root, in Release:
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*'
//
// Add `--job short` for a quicker, less precise run. Results go to BenchmarkDotNet.Artifacts/.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
