// Benchmarks and a load tool; see README.md next to this file. Run from the repository root, in Release.
//
// 1. BenchmarkDotNet micro-benchmarks (mediator pipeline, GewA 1 submission check, receipts):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*'
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*FormValidation*'
//   dotnet run -c Release --project tests/Egov.Benchmarks -- --filter '*ReceiptBenchmarks*'
//
//   Add `--job short` for a quicker, less precise run. Results go to BenchmarkDotNet.Artifacts/.
//
// 2. End-to-end submits per second against an already running host with PostgreSQL (loopback only):
//
//   dotnet run -c Release --project tests/Egov.Benchmarks -- submit-load --base-url http://localhost:5085 --applications 200 --concurrency 1,4,8,16
//
//   Options: --base-url (default http://localhost:5080), --applications N per run (200),
//   --concurrency one level or a list (8), --time-limit seconds per run (120).
using BenchmarkDotNet.Running;
using Egov.Benchmarks;

if (args is ["submit-load", .. var loadArgs])
{
    return await SubmitLoad.RunAsync(loadArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
